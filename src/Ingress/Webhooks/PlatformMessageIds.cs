using System.Security.Cryptography;
using System.Text;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Bus;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary>
/// Drops a platform's retries of a message it already delivered. The platform's message id is claimed in the cache in
/// two steps: a short <em>pending</em> claim while the message is being handed to the bus, turned into the
/// duplicate window's <em>taken</em> mark only once the broker has it. A pending claim is released on every failure
/// and expires on its own soon after the publish timeout, so a claim never outlives a message that was not queued
/// (a killed Ingress, a client that gave up, a broker that never answered).
/// </summary>
public sealed class PlatformMessageIds(ICacheStore cache, IOptions<IngressOptions> options, IOptions<BusOptions> bus)
{
    private const string PendingPrefix = "pending:";

    /// <summary>How long a pending claim outlives the publish it guards: long enough to write the taken mark after it.</summary>
    public static readonly TimeSpan PendingMargin = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The pipeline's id for a message the platform named: the same platform message always gets the same id, so two
    /// copies on the bus (a retry taken after a publish the broker confirmed too late to be marked) are one message
    /// to every consumer, each of which is idempotent on the id.
    /// </summary>
    public static string MessageIdFor(string botId, string channel, string platformMessageId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{botId}\n{channel}\n{platformMessageId}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>Claims the platform's id for this delivery, or says who holds it.</summary>
    public async Task<PlatformClaim> ClaimAsync(string botId, string channel, string platformMessageId, string messageId, CancellationToken cancellationToken)
    {
        var key = Key(botId, channel, platformMessageId);
        var lifetime = TimeSpan.FromSeconds(bus.Value.PublishTimeoutSeconds) + PendingMargin;
        if (await cache.TryAddAsync(key, PendingPrefix + messageId, lifetime, cancellationToken))
            return PlatformClaim.Claimed;
        return await cache.GetAsync(key, cancellationToken) switch
        {
            { } holder when !holder.StartsWith(PendingPrefix, StringComparison.Ordinal) => PlatformClaim.TakenAs(holder),
            // Pending elsewhere, or released between the two calls: either way, not known to be queued. The retry decides.
            _ => PlatformClaim.InFlight,
        };
    }

    /// <summary>The broker has the message: remember it for the duplicate window.</summary>
    public Task ConfirmAsync(string botId, string channel, string platformMessageId, string messageId, CancellationToken cancellationToken) =>
        cache.SetAsync(Key(botId, channel, platformMessageId), messageId, TimeSpan.FromMinutes(options.Value.DuplicateWindowMinutes), cancellationToken);

    /// <summary>Forgets this delivery's pending claim (and no one else's), so the platform's retry is taken.</summary>
    public Task ReleaseAsync(string botId, string channel, string platformMessageId, string messageId) =>
        cache.RemoveIfAsync(Key(botId, channel, platformMessageId), PendingPrefix + messageId, CancellationToken.None);

    private static string Key(string botId, string channel, string platformMessageId) => $"seen:{botId}:{channel}:{platformMessageId}";
}

/// <summary>What a claim on a platform message id found.</summary>
/// <param name="State">Whether this delivery holds the claim, another is handing it over now, or it is queued already.</param>
/// <param name="MessageId">For <see cref="PlatformClaimState.Taken"/>: the id the queued message has.</param>
public sealed record PlatformClaim(PlatformClaimState State, string? MessageId = null)
{
    public static readonly PlatformClaim Claimed = new(PlatformClaimState.Claimed);
    public static readonly PlatformClaim InFlight = new(PlatformClaimState.InFlight);

    public static PlatformClaim TakenAs(string messageId) => new(PlatformClaimState.Taken, messageId);
}

/// <summary>The three states of a platform message id in the duplicate window.</summary>
public enum PlatformClaimState
{
    /// <summary>This delivery holds the pending claim and hands the message to the bus.</summary>
    Claimed,

    /// <summary>Another delivery is handing the message to the bus right now; its outcome is not known yet.</summary>
    InFlight,

    /// <summary>The broker has the message.</summary>
    Taken,
}
