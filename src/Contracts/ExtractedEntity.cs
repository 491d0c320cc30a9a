namespace ChatbotPipeline.Contracts;

/// <summary>An entity found in a message: its type, canonical value, character span and who found it.</summary>
/// <param name="End">Exclusive character offset into the message text.</param>
/// <param name="Extractor">Which extractor found it: <c>synonyms</c>, <c>regex</c>, ...</param>
public sealed record ExtractedEntity(string Entity, string Value, int Start, int End, double Confidence, string Extractor);
