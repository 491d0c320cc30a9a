using ChatbotPipeline.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary>
/// Decides whether a webhook's <c>callback_url</c> may receive replies: an absolute http(s) URL whose host is on
/// <see cref="IngressOptions.CallbackHosts"/>. Without the list a public webhook would let anyone make the pipeline
/// post to internal addresses (cloud metadata endpoints, admin ports).
/// </summary>
public sealed class CallbackPolicy(IOptions<IngressOptions> options, IHostEnvironment environment)
{
    /// <summary>Null when the URL may be used; otherwise why not.</summary>
    public string? Refusal(string callbackUrl)
    {
        if (!Uri.TryCreate(callbackUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return $"'{RestWebhookApi.CallbackUrlKey}' must be an absolute http or https URL.";
        var allowed = options.Value.CallbackHosts;
        if (allowed.Count == 0)
            return environment.IsDevelopment()
                ? null
                : $"'{RestWebhookApi.CallbackUrlKey}' is not enabled here: list the allowed hosts in Ingress:CallbackHosts.";
        return HostPatterns.AnyMatches(allowed, url.IdnHost)
            ? null
            : $"'{RestWebhookApi.CallbackUrlKey}' host '{url.IdnHost}' is not in Ingress:CallbackHosts.";
    }
}
