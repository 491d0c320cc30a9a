using ChatbotPipeline.Channels.Settings;

namespace ChatbotPipeline.Channels.Twilio;

/// <summary>A Twilio account: the auth token validates webhooks and, with the account SID, sends SMS replies.</summary>
public sealed class TwilioSettings
{
    public const string DefaultApiBaseUrl = "https://api.twilio.com/";

    public string? AuthToken { get; set; }
    public string? AccountSid { get; set; }

    /// <summary>Base of Twilio's REST API (default <see cref="DefaultApiBaseUrl"/>).</summary>
    public string? ApiBaseUrl { get; set; }

    public Uri ApiBase => ApiAddress.Base(ApiBaseUrl ?? DefaultApiBaseUrl);
}
