namespace ChatbotPipeline.Ingress;

/// <summary>How this Ingress runs (section <c>Ingress</c>).</summary>
public sealed class IngressOptions
{
    public const string Section = "Ingress";

    /// <summary>
    /// Messages one sender may send one bot per minute on one channel before webhooks answer 429; 0 turns the limit
    /// off. Counted in the cache, so replicas share it on Redis. Default 60: a person types far slower, a loop does not.
    /// </summary>
    public int SenderMessagesPerMinute { get; set; } = 60;

    /// <summary>
    /// Hosts a REST webhook's <c>callback_url</c> may name: exact names (<c>bot.example.com</c>) or a wildcard for
    /// subdomains (<c>*.example.com</c>). Anyone who can post to the webhook chooses that URL, and the pipeline posts
    /// replies to it from inside the network, so it is an allow-list: empty allows any host in Development and none
    /// elsewhere.
    /// </summary>
    public List<string> CallbackHosts { get; set; } = [];

    /// <summary>
    /// The URL platforms call this Ingress at (<c>https://bots.example.org</c>), when a proxy or load balancer stands in
    /// front of it: Twilio signs the URL it called, so that is what its signatures are checked against. Empty uses the
    /// request's own scheme and host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/8</c>) of the proxies whose <c>X-Forwarded-For</c>,
    /// <c>-Proto</c> and <c>-Host</c> are believed: the client address (per-client limits) and the public URL come
    /// from them. Empty believes no one: a client could otherwise choose its own address and host.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// Messages one bot may take per minute, from all its senders and channels, before webhooks answer 429; 0 is off.
    /// Counted in the cache. Default 0: a deployment sets it to what a bot's consumers can answer.
    /// </summary>
    public int BotMessagesPerMinute { get; set; }

    /// <summary>Messages this deployment takes per minute from every bot together before webhooks answer 429; 0 is off. Default 0.</summary>
    public int TotalMessagesPerMinute { get; set; }

    /// <summary>How long a platform message id is remembered to drop the platform's retries of it. Default 24 hours.</summary>
    public int DuplicateWindowMinutes { get; set; } = 24 * 60;
}
