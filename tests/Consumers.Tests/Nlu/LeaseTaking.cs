using ChatbotPipeline.Consumers.Nlu;

namespace ChatbotPipeline.Consumers.Tests.Nlu;

/// <summary>Takes a conversation with nothing read beside it: the lease alone, as its tests look at it.</summary>
internal static class LeaseTaking
{
    public static async Task<IAsyncDisposable> AcquireAsync(this ConversationLease leases, string botId, string conversationId, CancellationToken cancellationToken) =>
        await leases.AcquireAsync(botId, conversationId, static () => Task.FromResult(true), cancellationToken);
}
