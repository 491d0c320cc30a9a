using Microsoft.Extensions.Options;

namespace ChatbotPipeline.ServiceDefaults.Channels;

/// <summary>Refuses to start with an API base URL that is not an absolute http(s) URL, naming its key.</summary>
internal sealed class ChannelOptionsValidation : IValidateOptions<ChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannelOptions options)
    {
        var bad = ApiUrls(options).Where(entry => entry.Url is not null && !IsHttpUrl(entry.Url))
            .Select(entry => $"{ChannelOptions.Section}:{entry.Key} must be an absolute http(s) URL, not '{entry.Url}'.")
            .ToList();
        return bad.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(bad);
    }

    private static IEnumerable<(string Key, string? Url)> ApiUrls(ChannelOptions options)
    {
        foreach (var (prefix, slack, telegram, meta, twilio) in options.Bots
                     .Select(bot => ($"Bots:{bot.Key}:", bot.Value.Slack, bot.Value.Telegram, bot.Value.Meta, bot.Value.Twilio))
                     .Prepend(("", options.Slack, options.Telegram, options.Meta, options.Twilio)))
        {
            yield return ($"{prefix}Slack:ApiBaseUrl", slack?.ApiBaseUrl);
            yield return ($"{prefix}Telegram:ApiBaseUrl", telegram?.ApiBaseUrl);
            yield return ($"{prefix}Meta:GraphApiBaseUrl", meta?.GraphApiBaseUrl);
            yield return ($"{prefix}Twilio:ApiBaseUrl", twilio?.ApiBaseUrl);
        }
    }

    private static bool IsHttpUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https";
}
