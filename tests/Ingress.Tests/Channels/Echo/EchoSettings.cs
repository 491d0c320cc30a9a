namespace ChatbotPipeline.Ingress.Tests.Channels.Echo;

/// <summary>The echo platform's shared token (its webhooks carry it) and the address of its send API.</summary>
public sealed class EchoSettings
{
    public string? Token { get; set; }
    public string? ApiBaseUrl { get; set; }
}
