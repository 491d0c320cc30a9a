namespace ChatbotPipeline.Channels.Settings;

internal static class ApiAddress
{
    /// <summary>The base URL with a trailing slash, so relative API paths append to it instead of replacing its last segment.</summary>
    public static Uri Base(string url) => new(url.EndsWith('/') ? url : url + "/", UriKind.Absolute);
}
