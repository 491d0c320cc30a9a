namespace ChatbotPipeline.Channels.Webhooks;

/// <summary>Where a platform webhook hands what it verified and parsed: the edge's intake (Ingress) owns ids, limits and the bus.</summary>
public interface IPlatformIntake
{
    /// <summary>
    /// The answer to a verified webhook: 400 for a malformed one, 404 for an unknown bot, 503 with Retry-After when the
    /// bus did not take a message (or another delivery of it is being queued now), else <paramref name="acknowledgement"/>.
    /// </summary>
    Task<IResult> AnswerAsync(string botId, string channel, InboundBatch batch, IResult acknowledgement, CancellationToken cancellationToken);
}
