using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Consumers.Actions;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Dialogue;
using ChatbotPipeline.Nlu.Dialogue.Stories;
using ChatbotPipeline.Nlu.Intents;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// Understands a received message: classifies its intent, extracts entities, advances the conversation's dialogue
/// and publishes <see cref="MessageUnderstood"/> with the bot's replies.
/// </summary>
public sealed partial class NluConsumer(
    BotCatalog bots,
    ModelRegistry models,
    ConversationContextStore contexts,
    ConversationLease leases,
    ConversationOrder order,
    DialoguePolicy policy,
    StoryDialogue stories,
    DialogueTrackerStore trackers,
    ConversationHold holds,
    OfferedChoices choices,
    ICacheStore cache,
    NluMetrics metrics,
    MissingModelNotices missingModels,
    TimeProvider time,
    IOptions<NluOptions> options,
    ILogger<NluConsumer> logger) : IConsumer<MessageReceived>
{
    /// <summary>How many of the model's intents a verdict carries.</summary>
    public const int RankedCandidates = 3;

    public async Task Consume(ConsumeContext<MessageReceived> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        // Held across the redelivery check too: a duplicate delivered to another replica waits, then finds the result.
        // Every read this message may need goes out right behind the lease's SET NX: one round trip takes and reads it.
        var taking = leases.AcquireAsync(message.BotId, message.ConversationId,
            () => ConversationReads.ReadAsync(message, cache, holds, order, choices, contexts, trackers, cancellationToken), cancellationToken);
        var botReading = bots.GetAsync(message.BotId, cancellationToken);
        try
        {
            await Task.WhenAll(taking, botReading);
        }
        catch
        {
            if (taking.IsCompletedSuccessfully)
                await taking.Result.DisposeAsync();
            throw;
        }
        var lease = taking.Result;
        var state = lease.Read;
        var released = false;
        try
        {
            // A redelivered message must not advance the dialogue again: republish the verdict it already got.
            if (state.Earlier is { } earlier)
            {
                LogRedelivered(message.MessageId);
                await PublishAsync(context, DocumentJson.Deserialize<MessageUnderstood>(earlier), cancellationToken);
                // A replica that died between its publish and its mark left the next message waiting: mark it now.
                await order.FinishedAsync(message, state.Done, cancellationToken);
                return;
            }
            // The conversation's previous message is still in its API call: answer this one after that one's replies.
            if (state.Held)
                throw new ConversationHeldException(message.ConversationId);
            // Another replica may not have finished the conversation's previous message yet: this one waits its turn.
            var doneBefore = state.Done;
            await order.EnsureTurnAsync(message, doneBefore, cancellationToken);

            var understood = await UnderstandAsync(message, botReading.Result ?? throw new UnknownBotException(message.BotId), state, cancellationToken);
            await PublishAsync(context, understood, cancellationToken);
            // The mark and the release go out together, in this order on the one connection: the next message of the
            // conversation, wherever it waits, sees this one finished once it holds the lease.
            var finishing = order.FinishedAsync(message, doneBefore, cancellationToken);
            released = true;
            await Task.WhenAll(finishing, lease.DisposeAsync().AsTask());
            metrics.Understood(message.BotId, message.Channel, understood.Confidence, understood.DialogueState == DialogueStates.Fallback);
            LogUnderstood(message.MessageId, message.ConversationId, understood.Intent, understood.Confidence, understood.DialogueState);
        }
        finally
        {
            if (!released)
                await lease.DisposeAsync();
        }
    }

    /// <summary>Decides the answer and stores what it changed (dialogue state, offered buttons, the verdict) in one round trip.</summary>
    private async Task<MessageUnderstood> UnderstandAsync(MessageReceived message, BotRuntime bot, ConversationReads state, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var model = await models.GetAsync(message.BotId, cancellationToken);
        if (model is null)
        {
            if (missingModels.FirstMiss(message.BotId))
                LogNoModel(message.BotId, message.MessageId);
        }
        else
            missingModels.Served(message.BotId);

        // "2" or a title, answering buttons shown as a numbered list, says that button's payload.
        var said = state.Said.Said;
        var prediction = IntentPayload.Read(said, bot.Definition) ?? model?.Model.Intents.Predict(said);
        var entities = bot.Entities.Extract(said, time.GetUtcNow(), model?.Model.Entities, (entity, pattern) =>
        {
            metrics.PatternTimedOut();
            LogPatternTimedOut(message.BotId, entity, pattern, message.MessageId);
        });
        DialogueOutcome outcome;
        Task savingState;
        if (bot.Definition.Dialogue is { } dialogue)
        {
            // Rules, stories and forms decide (a Rasa project's bot); the tracker lives as long as the session.
            var deciding = time.GetTimestamp();
            var decided = await stories.DecideAsync(bot.Definition, prediction, entities, state.Tracker,
                new StoryMessage(message.MessageId, message.SenderId, message.Channel, said), cancellationToken);
            metrics.DialogueDecided(stories: true, time.GetElapsedTime(deciding));
            savingState = trackers.SaveAsync(message.BotId, message.ConversationId, decided.Tracker, TimeSpan.FromMinutes(dialogue.SessionMinutes), cancellationToken);
            outcome = decided.Outcome;
        }
        else
        {
            var deciding = time.GetTimestamp();
            outcome = policy.Decide(bot.Definition, prediction, entities, state.Context, message.Metadata, said);
            metrics.DialogueDecided(stories: false, time.GetElapsedTime(deciding));
            savingState = contexts.SaveAsync(message.BotId, message.ConversationId, state.Context, outcome.NextContext,
                TimeSpan.FromMinutes(bot.Definition.Bot.ContextMinutes), cancellationToken);
        }
        var remembering = choices.RememberAsync(message.BotId, message.ConversationId, outcome.Buttons, state.Said.Offered,
            TimeSpan.FromMinutes(bot.Definition.Bot.ContextMinutes), cancellationToken);

        var confidence = prediction?.Ranking.FirstOrDefault(r => r.Intent == outcome.Intent)?.Probability ?? prediction?.Top.Probability ?? 0;
        // An intent with an API call answers once the call is made: its replies are rendered by the action consumer.
        var calls = outcome.State == DialogueStates.Completed && bot.Definition.FindIntent(outcome.Intent) is { ApiTrigger: true, ApiDetails: not null };
        var understood = new MessageUnderstood(message, outcome.Intent, confidence, entities, outcome.Parameters, calls ? [] : outcome.Replies,
            outcome.State, model?.Version, time.GetUtcNow(), time.GetElapsedTime(started).TotalMilliseconds,
            prediction?.Ranking.Take(RankedCandidates).Select(r => new IntentCandidate(r.Intent, r.Probability)).ToList() ?? [],
            Buttons: outcome.Buttons is { Count: > 0 } ? outcome.Buttons : null);

        // The verdict is written after the state it follows from, on the same connection, before it is published.
        var storing = cache.SetAsync(ConversationReads.ResultKey(message), DocumentJson.Serialize(understood),
            TimeSpan.FromMinutes(options.Value.ResultRetentionMinutes), cancellationToken);
        await Task.WhenAll(savingState, remembering, storing);
        return understood;
    }

    /// <summary>
    /// Publishes the verdict, or hands it to the action step: a verdict without replies is waiting for its API call
    /// (every other verdict has at least one message, the fallback's if nothing else). The conversation is held until
    /// the action's replies are out.
    /// </summary>
    private async Task PublishAsync(ConsumeContext context, MessageUnderstood understood, CancellationToken cancellationToken)
    {
        if (understood.Replies.Count > 0)
        {
            await context.PublishVerdictAsync(understood, cancellationToken);
            return;
        }
        var message = understood.Message;
        await holds.HoldAsync(message.BotId, message.ConversationId, message.MessageId, cancellationToken);
        await context.Publish(new ActionRequested(understood), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} of {ConversationId} understood as {Intent} ({Confidence:F2}), {DialogueState}")]
    private partial void LogUnderstood(string messageId, string conversationId, string intent, double confidence, string dialogueState);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} was redelivered; republishing its earlier result")]
    private partial void LogRedelivered(string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {BotId} has no trained model yet: message {MessageId} and the next ones get the bot's fallback until it is trained")]
    private partial void LogNoModel(string botId, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {BotId}: the pattern of entity {Entity} ran out of time on message {MessageId} and was skipped: {Pattern}")]
    private partial void LogPatternTimedOut(string botId, string entity, string pattern, string messageId);
}
