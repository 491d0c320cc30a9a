using System.ComponentModel.DataAnnotations;

namespace ChatbotPipeline.Ingress.ChatStream;

/// <summary>Web-chat sessions and their reply streams (section <c>ChatStream</c>).</summary>
public sealed class ChatStreamOptions
{
    public const string Section = "ChatStream";

    /// <summary>How long a session's token opens its stream, in minutes. Default 1440 (a day); a page asks for a new session after.</summary>
    [Range(1, 30 * 24 * 60)]
    public int SessionMinutes { get; set; } = 24 * 60;

    /// <summary>Streams one client address may hold open at once. Default 8: a person has a few tabs, not thousands.</summary>
    [Range(1, 10_000)]
    public int StreamsPerClient { get; set; } = 8;

    /// <summary>Streams this Ingress holds open at once. Default 2000.</summary>
    [Range(1, 1_000_000)]
    public int StreamsTotal { get; set; } = 2_000;
}
