namespace ChatbotPipeline.Nlu.Entities.Learned;

/// <summary>A training sentence and its entity annotations (character spans, end exclusive).</summary>
public sealed record AnnotatedSentence(string Text, IReadOnlyList<EntitySpan> Entities);

/// <summary>An entity of a type over a character span of a text, end exclusive.</summary>
public sealed record EntitySpan(string Entity, int Start, int End);
