using ChatbotPipeline.Channels.Settings;

namespace ChatbotPipeline.Channels.Meta;

/// <summary>
/// A Meta app, for Messenger and WhatsApp Cloud alike: the app secret signs webhooks, the verify token answers the
/// subscription handshake, the page access token sends Messenger replies.
/// </summary>
public sealed class MetaSettings
{
    public const string DefaultGraphApiBaseUrl = "https://graph.facebook.com/v21.0/";

    public string? AppSecret { get; set; }
    public string? VerifyToken { get; set; }
    public string? PageAccessToken { get; set; }

    /// <summary>Base of the Graph API, version included (default <see cref="DefaultGraphApiBaseUrl"/>).</summary>
    public string? GraphApiBaseUrl { get; set; }

    public Uri GraphApiBase => ApiAddress.Base(GraphApiBaseUrl ?? DefaultGraphApiBaseUrl);
}
