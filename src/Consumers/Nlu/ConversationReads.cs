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
/// <param name="Said">The message's text, or the payload of the offered button it names.</param>
public sealed record ConversationReads(string? Earlier, bool Held, long Done, ChoiceAnswer Said, ConversationContext Context, DialogueTracker? Tracker)
{
    public static string ResultKey(MessageReceived message) => $"nlu:result:{message.MessageId}";

    /// <summary>Issues every read before its first await, then waits for them: the first failure is thrown, the others observed.</summary>
    public static async Task<ConversationReads> ReadAsync(MessageReceived message, ICacheStore cache, ConversationHold holds, ConversationOrder order,
        OfferedChoices choices, ConversationContextStore contexts, DialogueTrackerStore trackers, CancellationToken cancellationToken)
    {
        var earlier = cache.GetAsync(ResultKey(message), cancellationToken);
        var held = holds.HeldForOtherAsync(message.BotId, message.ConversationId, message.MessageId, cancellationToken);
        var done = order.LastDoneAsync(message, cancellationToken);
        var said = choices.ResolveAsync(message.BotId, message.ConversationId, message.Text, cancellationToken);
        var context = contexts.GetAsync(message.BotId, message.ConversationId, cancellationToken);
        var tracker = trackers.GetAsync(message.BotId, message.ConversationId, cancellationToken);
        await Task.WhenAll(earlier, held, done, said, context, tracker);
        return new ConversationReads(earlier.Result, held.Result, done.Result, said.Result, context.Result, tracker.Result);
    }
}
