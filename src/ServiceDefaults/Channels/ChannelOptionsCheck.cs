namespace ChatbotPipeline.ServiceDefaults.Channels;

internal static class ChannelOptionsCheck
{
    /// <summary>The first configured API base URL that is not an absolute http(s) URL, or null.</summary>
    public static string? BadApiUrl(ChannelOptions options)
    {
        var urls = new[] { options.Slack.ApiBaseUrl, options.Telegram.ApiBaseUrl, options.Meta.GraphApiBaseUrl, options.Twilio.ApiBaseUrl }
            .Concat(options.Bots.Values.SelectMany(bot => new[] { bot.Slack?.ApiBaseUrl, bot.Telegram?.ApiBaseUrl, bot.Meta?.GraphApiBaseUrl, bot.Twilio?.ApiBaseUrl }));
        return urls.FirstOrDefault(url => url is not null
            && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"));
    }
}
