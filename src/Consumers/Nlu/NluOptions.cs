using System.ComponentModel.DataAnnotations;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>Knobs of the NLU consumer (section <c>Nlu</c>).</summary>
public sealed class NluOptions
{
    public const string Section = "Nlu";

    /// <summary>How often each replica checks the object store for a newer model, in case it missed <c>ModelPublished</c>. Default 30 s.</summary>
    [Range(1, 86_400)]
    public int ModelRefreshSeconds { get; set; } = 30;

    /// <summary>
    /// How long a message's NLU result is kept, so a redelivery republishes it instead of advancing the dialogue twice.
    /// Brokers redeliver within minutes (retries, visibility timeouts, a crashed consumer). Default 60 min.
    /// </summary>
    [Range(1, 7 * 24 * 60)]
    public int ResultRetentionMinutes { get; set; } = 60;

    /// <summary>Messages processed at once by one replica; messages of one conversation are always processed in order. Default 8.</summary>
    [Range(1, 1024)]
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>
    /// How long one replica holds a conversation while it understands a message of it. Other replicas wait for the
    /// lease, so two messages of a conversation never race for its dialogue state; a replica that dies lets it expire.
    /// Default 30 s, well above one message's work.
    /// </summary>
    [Range(1, 600)]
    public int ConversationLeaseSeconds { get; set; } = 30;

    /// <summary>
    /// The sentence encoders this replica serves models of (<c>minilm</c>, <c>none</c>); a model trained with another is
    /// refused with a log line and the previous model (or the fallback) keeps answering. Default: every one this build has.
    /// </summary>
    public List<string> Encoders { get; set; } = [];
}
