namespace ChatbotPipeline.ServiceDefaults.Channels;

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

    internal MetaSettings With(MetaSettings? bot) => bot is null ? this : new()
    {
        AppSecret = ChannelOptions.Pick(AppSecret, bot.AppSecret),
        VerifyToken = ChannelOptions.Pick(VerifyToken, bot.VerifyToken),
        PageAccessToken = ChannelOptions.Pick(PageAccessToken, bot.PageAccessToken),
        GraphApiBaseUrl = ChannelOptions.Pick(GraphApiBaseUrl, bot.GraphApiBaseUrl),
    };
}
