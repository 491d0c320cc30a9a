namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>The environment of a host process on the embedded default, in Development, over a test's own data folder.</summary>
public static class EmbeddedSettings
{
    public static Dictionary<string, string> For(string folder, string url) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_URLS"] = url,
        ["Admin__ApiKey"] = IngressFactory.ApiKey,
        ["Documents__Sqlite__Path"] = Path.Combine(folder, "chatbot.db"),
        ["Objects__FileSystem__Path"] = Path.Combine(folder, "objects"),
    };
}
