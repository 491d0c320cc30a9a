namespace ChatbotPipeline.Channels.Webhooks;

/// <summary>
/// The public address webhooks are reached at (<c>Ingress:PublicBaseUrl</c>), for platforms that sign the URL they
/// called (Twilio). Empty: the request's own scheme and host, as the trusted-proxy middleware left them.
/// </summary>
public sealed class WebhookAddressOptions
{
    public const string Section = "Ingress";

    public string? PublicBaseUrl { get; set; }
}
