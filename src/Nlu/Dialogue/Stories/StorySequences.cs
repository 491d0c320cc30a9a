using System.Runtime.CompilerServices;

namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>
/// Rules and stories as sequences of <see cref="StoryToken"/>s, the way Rasa reads them: a user turn is preceded by
/// <c>action_listen</c>, a rule ends by listening unless it says <c>wait_for_user_input: false</c>, a story ends by
/// listening. Built once per dialogue.
/// </summary>
public sealed class StorySequences
{
    private static readonly ConditionalWeakTable<BotDialogue, StorySequences> Built = new();

    private StorySequences(BotDialogue dialogue)
    {
        Rules = dialogue.Rules.Select(rule => new Sequence(rule.Name, Tokens(rule.Steps, rule.WaitForUserInput), rule.Condition, rule.ConversationStart)).ToList();
        Stories = dialogue.Stories.Select(story => new Sequence(story.Name, Tokens(story.Steps, true), [], false)).ToList();
    }

    public IReadOnlyList<Sequence> Rules { get; }

    public IReadOnlyList<Sequence> Stories { get; }

    public static StorySequences Of(BotDialogue dialogue) => Built.GetValue(dialogue, d => new StorySequences(d));

    private static List<StoryToken> Tokens(IReadOnlyList<DialogueStep> steps, bool listenAtEnd)
    {
        var tokens = new List<StoryToken>();
        foreach (var step in steps)
        {
            if (step.Anything)
                tokens.Add(new StoryToken(StoryTokenKind.Any, []));
            else if (step.Intent is not null || step.Or is { Count: > 0 })
            {
                if (tokens.Count == 0 || !tokens[^1].IsAction(DefaultActions.Listen))
                    tokens.Add(StoryToken.Listen);
                tokens.Add(StoryToken.Intent(step.Or is { Count: > 0 } or ? [.. or] : [step.Intent!]));
            }
            else if (step.Action is not null)
                tokens.Add(StoryToken.Action(step.Action));
            else if (step.LoopChanged)
                tokens.Add(StoryToken.Loop(step.ActiveLoop));
            else if (step.SlotWasSet is { Count: > 0 } slots)
                tokens.Add(new StoryToken(StoryTokenKind.Slots, [], slots));
        }
        if (listenAtEnd && (tokens.Count == 0 || !tokens[^1].IsAction(DefaultActions.Listen)))
            tokens.Add(StoryToken.Listen);
        return tokens;
    }

    /// <summary>A rule or story as tokens; <paramref name="Condition"/> must hold for a rule to apply.</summary>
    public sealed record Sequence(string Name, IReadOnlyList<StoryToken> Tokens, IReadOnlyList<DialogueStep> Condition, bool ConversationStart);
}
