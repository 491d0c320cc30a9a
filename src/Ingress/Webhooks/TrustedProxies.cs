using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary>
/// Applies <c>X-Forwarded-For/-Proto/-Host</c> only from the proxies <see cref="IngressOptions.TrustedProxies"/> lists;
/// with none listed the headers are ignored, so a client cannot choose the address its limits count or the URL a
/// signature is checked against.
/// </summary>
public static class TrustedProxies
{
    public static bool IsValid(string entry) => System.Net.IPNetwork.TryParse(entry, out _) || IPAddress.TryParse(entry, out _);

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var listed = app.Configuration.GetSection(IngressOptions.Section).Get<IngressOptions>()?.TrustedProxies ?? [];
        if (listed.Count == 0)
            return app;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in listed)
        {
            if (IPAddress.TryParse(entry, out var address))
                options.KnownProxies.Add(address);
            else
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
        }
        app.UseForwardedHeaders(options);
        return app;
    }
}
