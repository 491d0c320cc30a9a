using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Consumers.Actions;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Dialogue;
using ChatbotPipeline.Nlu.Dialogue.Stories;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// What the NLU step reads from the cache for one message, started at once: its earlier verdict (a redelivery), the
/// action hold, the conversation's order mark, the offered buttons, and its dialogue state (the intent policy's context
/// and a story bot's tracker: the bot's kind is not known yet, and a second key costs a command, not a round trip).
/// Issued together they share one round trip where one after another they took six, and that round trip is the one
/// that takes the conversation's lease (<see cref="ConversationLease.AcquireAsync{T}"/>).
/// </summary>
public sealed class ConversationReads
{
    private ConversationReads(Task<string?> earlier, Task<bool> held, Task<long> done, Task<ChoiceAnswer> said, Task<ConversationContext> context, Task<DialogueTracker?> tracker)
    {
        Earlier = earlier;
        Held = held;
        Done = done;
        Said = said;
        Context = context;
        Tracker = tracker;
    }

    public Task<string?> Earlier { get; }

    public Task<bool> Held { get; }

    public Task<long> Done { get; }

    /// <summary>The message's text, or the payload of the offered button it names.</summary>
    public Task<ChoiceAnswer> Said { get; }

    public Task<ConversationContext> Context { get; }

    public Task<DialogueTracker?> Tracker { get; }

    public static string ResultKey(MessageReceived message) => $"nlu:result:{message.MessageId}";

    /// <summary>Issues every read before its first await, then waits for them: the first failure is thrown, the others observed.</summary>
    public static async Task<ConversationReads> ReadAsync(MessageReceived message, ICacheStore cache, ConversationHold holds, ConversationOrder order,
        OfferedChoices choices, ConversationContextStore contexts, DialogueTrackerStore trackers, CancellationToken cancellationToken)
    {
        var reads = Start(message, cache, holds, order, choices, contexts, trackers, cancellationToken);
        await Task.WhenAll(reads.Earlier, reads.Held, reads.Done, reads.Said, reads.Context, reads.Tracker);
        return reads;
    }

    private static ConversationReads Start(MessageReceived message, ICacheStore cache, ConversationHold holds, ConversationOrder order,
        OfferedChoices choices, ConversationContextStore contexts, DialogueTrackerStore trackers, CancellationToken cancellationToken) => new(
        cache.GetAsync(ResultKey(message), cancellationToken),
        holds.HeldForOtherAsync(message.BotId, message.ConversationId, message.MessageId, cancellationToken),
        order.LastDoneAsync(message, cancellationToken),
        choices.ResolveAsync(message.BotId, message.ConversationId, message.Text, cancellationToken),
        contexts.GetAsync(message.BotId, message.ConversationId, cancellationToken),
        trackers.GetAsync(message.BotId, message.ConversationId, cancellationToken));
}
