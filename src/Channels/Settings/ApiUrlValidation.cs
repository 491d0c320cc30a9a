using System.Reflection;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Channels.Settings;

/// <summary>Refuses settings whose API base URLs (every <c>…BaseUrl</c> value) are not absolute http(s) URLs, naming the key.</summary>
internal sealed class ApiUrlValidation<T>(string section) : IValidateOptions<T> where T : class
{
    private static readonly PropertyInfo[] Urls = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => property.PropertyType == typeof(string) && property.Name.EndsWith("BaseUrl", StringComparison.Ordinal)).ToArray();

    public ValidateOptionsResult Validate(string? name, T options)
    {
        var prefix = string.IsNullOrEmpty(name) ? ChannelSettingsRegistration.SharedKey(section) : ChannelSettingsRegistration.BotKey(name, section);
        var bad = Urls.Select(property => (property.Name, Url: property.GetValue(options) as string))
            .Where(entry => entry.Url is not null && !IsHttpUrl(entry.Url))
            .Select(entry => $"{prefix}:{entry.Name} must be an absolute http(s) URL, not '{entry.Url}'.")
            .ToList();
        return bad.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(bad);
    }

    private static bool IsHttpUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https";
}
