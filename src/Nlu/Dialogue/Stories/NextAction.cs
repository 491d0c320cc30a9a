namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>
/// Which action comes next, in the order Rasa's policies would decide it: <c>/restart</c>; while a form is active, a
/// rule that handles the user's intent, else the form if the message filled one of its slots, else a story, else the
/// form again; then rules, stories, and after a user turn the intent's own <c>utter_</c> response, the
/// <see cref="LearnedPolicy"/> above the core fallback threshold, or the default fallback; after a bot action, listening.
/// </summary>
public static class NextAction
{
    public static string Predict(BotDialogue dialogue, DialogueTracker tracker, bool afterUser)
    {
        var sequences = StorySequences.Of(dialogue);
        var conversation = new ConversationTokens(tracker);
        var loop = tracker.ActiveLoop is { } active ? dialogue.FindForm(active) : null;
        if (afterUser && tracker.LatestIntent == DefaultActions.RestartIntent)
            return DefaultActions.Restart;
        if (loop is not null)
        {
            if (afterUser)
            {
                if (NextActionPredictor.ByRule(sequences, conversation, afterUserTurn: true) is { } handled)
                    return handled.Action;
                if (!loop.IgnoredIntents.Contains(tracker.LatestIntent!) && tracker.SetThisTurn(loop.RequiredSlots))
                    return loop.Name;
                return NextActionPredictor.ByStory(sequences, conversation)?.Action ?? loop.Name;
            }
            // An interruption was handled: a story may say what follows it; otherwise the form asks again.
            if (tracker.LatestAction != loop.Name)
                return NextActionPredictor.ByStory(sequences, conversation, minimumWindow: 3)?.Action ?? loop.Name;
        }
        if (NextActionPredictor.ByRule(sequences, conversation, afterUser) is { } rule)
            return rule.Action;
        if (NextActionPredictor.ByStory(sequences, conversation) is { } story)
            return story.Action;
        if (!afterUser)
            return DefaultActions.Listen;
        var own = $"utter_{tracker.LatestIntent}";
        if (dialogue.Responses.ContainsKey(own))
            return own;
        return LearnedPolicy.Of(dialogue).Predict(tracker, dialogue) is { } learned && learned.Probability >= dialogue.CoreFallbackThreshold
            && learned.Action != DefaultActions.Listen
            ? learned.Action
            : DefaultActions.DefaultFallback;
    }
}
