using System.Net;
using System.Net.Sockets;

namespace ChatbotPipeline.ServiceDefaults;

/// <summary>
/// Where a bot's API calls may go. Whoever writes a bot's templates chooses the URL and whoever chats fills its
/// parameters, and the call leaves from inside the network: so the host must be on the bot's <c>actionHosts</c>, and an
/// address that is private, loopback or link-local (cloud metadata, admin ports) is refused unless its host is listed
/// by name — checked on the addresses the connection actually uses, after DNS (the actions consumer's HTTP handler). An entry
/// may name a port (<c>api.example.com:8443</c>); without one it allows 80 and 443 only, so listing a host does not open
/// its admin and database ports too.
/// </summary>
public static class ActionHostPolicy
{
    /// <summary>Null when the URL's host may be called; otherwise why not.</summary>
    public static string? HostRefusal(Uri url, IReadOnlyList<string> allowedHosts)
    {
        if (url.Scheme is not ("http" or "https"))
            return $"API calls must use http or https, not '{url.Scheme}'.";
        if (allowedHosts.Count == 0)
            return "The bot lists no actionHosts: API calls are refused until it names the hosts they may reach.";
        var entries = allowedHosts.Select(Entry.Parse).ToList();
        if (!entries.Any(entry => HostPatterns.Matches(entry.Host, url.IdnHost)))
            return $"Host '{url.IdnHost}' is not in the bot's actionHosts.";
        return entries.Any(entry => HostPatterns.Matches(entry.Host, url.IdnHost) && entry.Allows(url.Port))
            ? null
            : $"Port {url.Port} of '{url.IdnHost}' is not allowed: an actionHosts entry without a port allows 80 and 443; list '{url.IdnHost}:{url.Port}' to allow it.";
    }

    /// <summary>True when the host is listed by its exact name: only then may it resolve to an internal address.</summary>
    public static bool ListedExactly(string host, IReadOnlyList<string> allowedHosts) =>
        allowedHosts.Select(Entry.Parse).Any(entry => string.Equals(entry.Host, host, StringComparison.OrdinalIgnoreCase));

    /// <summary>One <c>actionHosts</c> entry: a host pattern and the port it names, if any.</summary>
    private readonly record struct Entry(string Host, int? Port)
    {
        public static Entry Parse(string entry)
        {
            var colon = entry.LastIndexOf(':');
            // An IPv6 literal ([::1]) has colons of its own; only a colon after its closing bracket starts a port.
            return colon > entry.LastIndexOf(']') && int.TryParse(entry.AsSpan(colon + 1), out var port)
                ? new Entry(entry[..colon], port)
                : new Entry(entry, null);
        }

        public bool Allows(int port) => Port is { } named ? named == port : port is 80 or 443;
    }

    /// <summary>Loopback, private (RFC 1918, unique local), link-local (169.254/16 with cloud metadata, fe80::/10), unspecified.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        var bytes = address.GetAddressBytes();
        return bytes[0] == 10 || bytes[0] == 0
            || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31)
            || (bytes[0] == 192 && bytes[1] == 168)
            || (bytes[0] == 169 && bytes[1] == 254)
            || (bytes[0] == 100 && bytes[1] is >= 64 and <= 127);
    }
}
