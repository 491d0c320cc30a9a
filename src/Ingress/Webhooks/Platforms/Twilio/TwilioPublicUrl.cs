namespace ChatbotPipeline.Ingress.Webhooks.Platforms.Twilio;

/// <summary>
/// The URL Twilio called, which its signature covers. Behind a load balancer or ingress controller the request arrives
/// as plain HTTP on an inner host, so the scheme and host come from <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>.
/// Trusting them is safe here: a forged header only makes the signature check fail.
/// </summary>
public static class TwilioPublicUrl
{
    public static string Of(HttpRequest request)
    {
        var scheme = FirstOf(request.Headers["X-Forwarded-Proto"]) ?? request.Scheme;
        var host = FirstOf(request.Headers["X-Forwarded-Host"]) ?? request.Host.Value;
        return $"{scheme}://{host}{request.PathBase}{request.Path}{request.QueryString}";
    }

    /// <summary>The client-side value of a header a chain of proxies may have appended to.</summary>
    private static string? FirstOf(string? header) =>
        header?.Split(',', 2)[0].Trim() is { Length: > 0 } value ? value : null;
}
