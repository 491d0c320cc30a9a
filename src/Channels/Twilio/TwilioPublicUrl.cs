namespace ChatbotPipeline.Channels.Twilio;

/// <summary>
/// The URL Twilio called, which its signature covers: <c>Ingress:PublicBaseUrl</c> and the request's path
/// and query when it is set, else the scheme and host the request arrived with — which are a proxy's
/// <c>X-Forwarded-Proto</c>/<c>X-Forwarded-Host</c> only when that proxy is in <c>Ingress:TrustedProxies</c>
/// (ASP.NET Core's forwarded-headers middleware applies them). A client's own forwarded headers are never read here: they
/// let a signature made for another deployment's URL pass.
/// </summary>
public static class TwilioPublicUrl
{
    public static string Of(HttpRequest request, string? publicBaseUrl) =>
        publicBaseUrl is { Length: > 0 }
            ? $"{publicBaseUrl.TrimEnd('/')}{request.PathBase}{request.Path}{request.QueryString}"
            : $"{request.Scheme}://{request.Host.Value}{request.PathBase}{request.Path}{request.QueryString}";
}
