using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>
/// The dialogue of a bot with rules, stories, forms and named responses: after each user message the slots are filled
/// from it, then actions are predicted and run — rules, the active form, stories, the intent's own <c>utter_</c>
/// response, the default fallback — until the bot listens (at most <see cref="MaxActions"/> actions per message).
/// </summary>
public sealed class StoryDialogue(ICustomActions customActions)
{
    public const int MaxActions = 10;

    public async Task<StoryOutcome> DecideAsync(BotDefinition bot, IntentPrediction? prediction, IReadOnlyList<ExtractedEntity> entities,
        DialogueTracker? stored, StoryMessage message, CancellationToken cancellationToken)
    {
        var dialogue = bot.Dialogue!;
        var tracker = stored ?? DialogueTracker.Start(dialogue).With(new TrackerEvent(TrackerEvent.Action, DefaultActions.SessionStart))
            .With(new TrackerEvent(TrackerEvent.Action, DefaultActions.Listen));
        var confident = prediction is not null && bot.Bot.ToFallbackPolicy().Accepts(prediction);
        var predicted = confident ? prediction!.Top.Intent : DefaultActions.NluFallbackIntent;
        // A retrieval intent (faq/ask_name) is its base intent to rules and stories; its response is utter_faq/ask_name.
        var intent = predicted.Split('/')[0];
        var run = new Run(customActions, bot, dialogue, message, entities, prediction?.Top.Probability ?? 0, cancellationToken)
        {
            RetrievalIntent = predicted.Contains('/') ? predicted : null,
            Tracker = tracker.With(new TrackerEvent(TrackerEvent.User, intent, message.Text)),
        };
        foreach (var slot in SlotFiller.Fill(dialogue, run.Tracker, intent, message.Text, entities))
            run.Tracker = run.Tracker.With(slot);

        var afterUser = true;
        for (var step = 0; step < MaxActions; step++)
        {
            var action = NextAction.Predict(dialogue, run.Tracker, afterUser);
            if (action == DefaultActions.Listen)
                break;
            var listenNext = await run.ExecuteAsync(action, afterUser);
            afterUser = false;
            if (listenNext)
                break;
        }
        run.Tracker = run.Tracker.With(new TrackerEvent(TrackerEvent.Action, DefaultActions.Listen));
        var state = run.Tracker.ActiveLoop is not null ? DialogueStates.AwaitingParameter
            : run.FellBack ? DialogueStates.Fallback : DialogueStates.Completed;
        var parameters = run.Tracker.Slots.Where(s => s.Value is not null && s.Key != DialogueTracker.RequestedSlot)
            .ToDictionary(s => s.Key, s => s.Value!, StringComparer.Ordinal);
        var outcome = new DialogueOutcome(run.FellBack && !confident ? SystemIntents.Fallback : predicted, state, parameters, run.Replies,
            ConversationContext.Empty, run.Buttons);
        return new StoryOutcome(outcome, run.Tracker, run.Actions);
    }

    /// <summary>One message's run of actions: the tracker as it grows, and what the bot says.</summary>
    private sealed class Run(ICustomActions customActions, BotDefinition bot, BotDialogue dialogue, StoryMessage message, IReadOnlyList<ExtractedEntity> entities,
        double confidence, CancellationToken cancellationToken)
    {
        public BotDialogue Dialogue => dialogue;

        public required DialogueTracker Tracker { get; set; }

        /// <summary>The full name of a retrieval intent said in this message (faq/ask_name), whose response <c>utter_faq</c> picks.</summary>
        public string? RetrievalIntent { get; init; }

        public List<string> Replies { get; } = [];

        public List<string> Actions { get; } = [];

        public IReadOnlyList<ReplyButton>? Buttons { get; private set; }

        public bool FellBack { get; private set; }


        /// <returns>True when the bot should listen next (a form asked for a slot).</returns>
        public async Task<bool> ExecuteAsync(string action, bool afterUser)
        {
            Actions.Add(action);
            if (dialogue.FindForm(action) is { } form)
                return await RunFormAsync(form, afterUser);
            Tracker = Tracker.With(new TrackerEvent(TrackerEvent.Action, action));
            switch (action)
            {
                case DefaultActions.Restart:
                    Tracker = DialogueTracker.Start(dialogue).With(new TrackerEvent(TrackerEvent.Action, DefaultActions.Listen));
                    Say("utter_restart");
                    return true;
                case DefaultActions.DeactivateLoop or DefaultActions.DeactivateForm:
                    Tracker = Tracker.With(new TrackerEvent(TrackerEvent.Loop, "")).With(new TrackerEvent(TrackerEvent.Slot, DialogueTracker.RequestedSlot, null));
                    return false;
                case DefaultActions.DefaultFallback:
                    FellBack = true;
                    if (!Say("utter_default"))
                        Add(new BotMessage(FallbackText(), null));
                    return true;
            }
            if (dialogue.Responses.ContainsKey(action) || (RetrievalIntent is { } full && action == $"utter_{full.Split('/')[0]}"))
            {
                Say(action);
                return false;
            }
            return await RunCustomAsync(action);
        }

        private async Task<bool> RunFormAsync(FormDefinition form, bool afterUser)
        {
            var activating = Tracker.ActiveLoop != form.Name;
            Tracker = Tracker.With(new TrackerEvent(TrackerEvent.Action, form.Name));
            if (activating)
            {
                Tracker = Tracker.With(new TrackerEvent(TrackerEvent.Loop, form.Name));
                // Slots whose mappings need the loop active could not be filled before it was.
                if (afterUser)
                    foreach (var slot in SlotFiller.Fill(dialogue, Tracker, Tracker.LatestIntent!, message.Text, entities))
                        Tracker = Tracker.With(slot);
            }
            var validator = $"validate_{form.Name}";
            if ((afterUser || activating) && dialogue.Actions.Contains(validator) && Tracker.SetThisTurn(form.RequiredSlots))
                await RunCustomAsync(validator, SlotsThisTurn(form));
            if (Tracker.ActiveLoop != form.Name)
                return false;
            var missing = form.RequiredSlots.FirstOrDefault(slot => Tracker.Slot(slot) is null);
            if (missing is null)
            {
                Tracker = Tracker.With(new TrackerEvent(TrackerEvent.Loop, "")).With(new TrackerEvent(TrackerEvent.Slot, DialogueTracker.RequestedSlot, null));
                return false;
            }
            Tracker = Tracker.With(new TrackerEvent(TrackerEvent.Slot, DialogueTracker.RequestedSlot, missing));
            if (!Say($"utter_ask_{form.Name}_{missing}") && !Say($"utter_ask_{missing}"))
            {
                if (dialogue.Actions.Contains($"action_ask_{missing}"))
                    await RunCustomAsync($"action_ask_{missing}");
                else
                    Add(new BotMessage([$"What is the {missing.Replace('_', ' ')}?"], null));
            }
            return true;
        }

        /// <summary>This message's slot events for the form's slots: the values its validation action checks.</summary>
        private List<TrackerEvent> SlotsThisTurn(FormDefinition form) =>
            [.. Tracker.SinceLatestUser().Where(e => e.Type == TrackerEvent.Slot && form.RequiredSlots.Contains(e.Name))];

        /// <returns>True when the bot should listen next.</returns>
        private async Task<bool> RunCustomAsync(string action, IReadOnlyList<TrackerEvent>? candidates = null)
        {
            if (dialogue.ActionEndpoint is not { Length: > 0 } endpoint)
            {
                Add(new BotMessage(FallbackText(), null));
                FellBack = true;
                return true;
            }
            var result = await customActions.RunAsync(new CustomActionCall(bot.Bot.Id, endpoint, action, message.SenderId, message.MessageId, Tracker, dialogue,
                bot.Intents.Select(i => i.IntentId).ToList(), message.Text, entities, confidence, bot.Bot.ActionHosts ?? [], candidates), cancellationToken);
            if (result.Error is not null)
            {
                Add(new BotMessage(FallbackText(), null));
                FellBack = true;
                return true;
            }
            foreach (var response in result.Responses)
            {
                if (response.Response is { } named)
                    Say(named);
                else
                    Add(new BotMessage([.. new[] { response.Text, response.Image }.OfType<string>().Where(t => t.Length > 0)], response.Buttons));
            }
            if (result.Restart)
            {
                Tracker = DialogueTracker.Start(dialogue).With(new TrackerEvent(TrackerEvent.Action, DefaultActions.Listen));
                return true;
            }
            foreach (var @event in result.Events)
                Tracker = Tracker.With(@event);
            if (result.Followup is { } followup && Actions.Count < MaxActions)
                return await ExecuteAsync(followup, afterUser: false);
            return false;
        }

        private IReadOnlyList<string> FallbackText()
        {
            var own = bot.FindIntent(SystemIntents.Fallback)?.SpeechResponse;
            return [.. (string.IsNullOrWhiteSpace(own) ? SystemIntents.DefaultFallbackResponse : own).Split("###", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }

        private bool Say(string response)
        {
            if (RetrievalIntent is { } full && response == $"utter_{full.Split('/')[0]}" && dialogue.Responses.ContainsKey($"utter_{full}"))
                response = $"utter_{full}";
            if (ResponseBuilder.Build(dialogue, response, Tracker, message.Channel) is not { } said)
                return false;
            Add(said);
            return true;
        }

        private void Add(BotMessage said)
        {
            Replies.AddRange(said.Texts);
            if (said.Buttons is { Count: > 0 })
                Buttons = said.Buttons;
        }
    }
}

/// <summary>The message the dialogue answers.</summary>
public sealed record StoryMessage(string MessageId, string SenderId, string Channel, string Text);

/// <summary>The answer, the tracker to keep, and the actions that ran (for tests and the turn log).</summary>
public sealed record StoryOutcome(DialogueOutcome Outcome, DialogueTracker Tracker, IReadOnlyList<string> Actions);
