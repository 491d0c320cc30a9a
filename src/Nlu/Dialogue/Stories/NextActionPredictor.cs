namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>
/// Predicts the next action from the end of a conversation. Rules first (Rasa's RulePolicy): a rule applies when the
/// whole of its beginning matches the conversation's last positions and its condition holds; the rule matching the
/// longest beginning wins. Then stories (Rasa's MemoizationPolicy): the longest window of a story, up to
/// <see cref="StoryWindow"/> positions, that matches the conversation's end.
/// </summary>
public static class NextActionPredictor
{
    /// <summary>How many positions of a story are compared at most (about Rasa's max_history of 5 turns).</summary>
    public const int StoryWindow = 8;

    /// <summary>The rule's action and name, or null. <paramref name="afterUserTurn"/>: only rules that name the user's intent.</summary>
    public static (string Action, string Rule)? ByRule(StorySequences sequences, ConversationTokens conversation, bool afterUserTurn)
    {
        (int Length, string Action, string Rule)? best = null;
        foreach (var rule in sequences.Rules)
        {
            for (var k = rule.Tokens.Count - 1; k >= 1; k--)
            {
                if (rule.Tokens[k].Kind != StoryTokenKind.Action || (best is { } b && b.Length >= k))
                    continue;
                if (afterUserTurn && rule.Tokens[k - 1].Kind != StoryTokenKind.Intent)
                    continue;
                if (!rule.Tokens.Take(k).Any(t => t.Kind is StoryTokenKind.Intent or StoryTokenKind.Action or StoryTokenKind.Loop))
                    continue;
                var start = conversation.MatchEnd(rule.Tokens, 0, k, rule.ConversationStart);
                if (start is null || !ConditionHolds(rule.Condition, conversation, start.Value))
                    continue;
                best = (k, rule.Tokens[k].Names[0], rule.Name);
                break;
            }
        }
        return best is { } found ? (found.Action, found.Rule) : null;
    }

    /// <summary>The story's action and name, or null.</summary>
    public static (string Action, string Story)? ByStory(StorySequences sequences, ConversationTokens conversation, int minimumWindow = 2)
    {
        (int Window, string Action, string Story)? best = null;
        foreach (var story in sequences.Stories)
        {
            for (var k = 1; k < story.Tokens.Count; k++)
            {
                if (story.Tokens[k].Kind != StoryTokenKind.Action)
                    continue;
                for (var window = Math.Min(k, StoryWindow); window >= minimumWindow && (best is null || window > best.Value.Window); window--)
                {
                    if (conversation.MatchEnd(story.Tokens, k - window, k, fromStart: false) is null)
                        continue;
                    best = (window, story.Tokens[k].Names[0], story.Name);
                    break;
                }
            }
        }
        return best is { } found ? (found.Action, found.Story) : null;
    }

    private static bool ConditionHolds(IReadOnlyList<DialogueStep> condition, ConversationTokens conversation, int start)
    {
        foreach (var step in condition)
        {
            if (step.LoopChanged && conversation.LoopBefore(start) != step.ActiveLoop)
                return false;
            if (step.SlotWasSet is { } slots && !conversation.SlotsHold(slots))
                return false;
        }
        return true;
    }
}
