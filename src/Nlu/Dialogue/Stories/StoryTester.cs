using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>
/// Replays test stories as <c>rasa test core</c> does: each user step's text is understood and its intent compared with
/// the story's, then the story's own intent and entities are what the conversation continues with; each action step's
/// action is predicted from the conversation so far and compared, then the story's action is appended. A story passes
/// when every prediction matched; a failed one reports its first divergent step.
/// </summary>
public static class StoryTester
{
    /// <param name="understand">The bot's NLU on a step's text: the predicted intent, the entities to fill slots with, or null
    /// when the bot has no model (intents are then not compared).</param>
    public static StoryTestReport Run(BotDialogue dialogue, IReadOnlyList<DialogueStory> stories, Func<string, Understood>? understand)
    {
        var results = stories.Select(story => Replay(dialogue, story, understand)).ToList();
        return new StoryTestReport(results.Count(r => r.Passed), results.Count(r => !r.Passed), results);
    }

    private static StoryResult Replay(BotDialogue dialogue, DialogueStory story, Func<string, Understood>? understand)
    {
        var tracker = DialogueTracker.Start(dialogue).With(new TrackerEvent(TrackerEvent.Action, DefaultActions.SessionStart));
        var afterUser = false;
        for (var index = 0; index < story.Steps.Count; index++)
        {
            var step = story.Steps[index];
            if (step.Intent is not null || step.Or is { Count: > 0 })
            {
                if (index > 0 && NextAction.Predict(dialogue, tracker, afterUser) is var next && next != DefaultActions.Listen)
                    return Failed(story, index, "action", DefaultActions.Listen, next);
                var expected = step.Intent ?? step.Or![0];
                var entities = new List<ExtractedEntity>();
                var said = step.User;
                if (step.User is { } text && understand?.Invoke(text) is { } understood)
                {
                    said = understood.Text;
                    if (understood.Intent != expected && !(step.Or?.Contains(understood.Intent) ?? false))
                        return Failed(story, index, "intent", expected, understood.Intent);
                    entities.AddRange(understood.Entities);
                }
                foreach (var (entity, value) in step.Entities ?? new Dictionary<string, string?>())
                    if (value is not null)
                        entities.Add(new ExtractedEntity(entity, value, 0, 0, 1, "story"));
                if (tracker.LatestAction != DefaultActions.Listen)
                    tracker = tracker.With(new TrackerEvent(TrackerEvent.Action, DefaultActions.Listen));
                tracker = tracker.With(new TrackerEvent(TrackerEvent.User, expected, said));
                foreach (var slot in SlotFiller.Fill(dialogue, tracker, expected, said ?? "", entities))
                    tracker = tracker.With(slot);
                afterUser = true;
            }
            else if (step.Action is { } action)
            {
                var predicted = NextAction.Predict(dialogue, tracker, afterUser);
                if (StoryToken.Normalize(predicted) != StoryToken.Normalize(action))
                    return Failed(story, index, "action", action, predicted);
                tracker = tracker.With(new TrackerEvent(TrackerEvent.Action, action));
                afterUser = false;
            }
            else if (step.LoopChanged)
                tracker = tracker.With(new TrackerEvent(TrackerEvent.Loop, step.ActiveLoop ?? ""));
            else if (step.SlotWasSet is { } slots)
                foreach (var (name, value) in slots)
                    tracker = tracker.With(new TrackerEvent(TrackerEvent.Slot, name, value));
        }
        return new StoryResult(story.Name, true, null);
    }

    private static StoryResult Failed(DialogueStory story, int index, string kind, string expected, string predicted) =>
        new(story.Name, false, new StoryDivergence(index + 1, kind, expected, predicted));
}

/// <summary>What the NLU made of a test story's user text: the intent, the entities (the story's annotations), the plain text.</summary>
public sealed record Understood(string Intent, IReadOnlyList<ExtractedEntity> Entities, string Text);

/// <summary>Every story's verdict, and how many passed and failed.</summary>
public sealed record StoryTestReport(int Passed, int Failed, IReadOnlyList<StoryResult> Stories);

/// <summary>One story: passed, or where it first went another way.</summary>
public sealed record StoryResult(string Story, bool Passed, StoryDivergence? FirstDivergence);

/// <summary>The first step (1-based) whose prediction differed: an <c>intent</c> or an <c>action</c>, expected and predicted.</summary>
public sealed record StoryDivergence(int Step, string Kind, string Expected, string Predicted);
