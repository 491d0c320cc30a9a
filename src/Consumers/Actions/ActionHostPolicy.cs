using ChatbotPipeline.ServiceDefaults;
using System.Net;
using System.Net.Sockets;

namespace ChatbotPipeline.Consumers.Actions;

/// <summary>
/// Where a bot's API calls may go. Whoever writes a bot's templates chooses the URL and whoever chats fills its
/// parameters, and the call leaves from inside the network: so the host must be on the bot's <c>actionHosts</c>, and an
/// address that is private, loopback or link-local (cloud metadata, admin ports) is refused unless its host is listed
/// by name — checked on the addresses the connection actually uses, after DNS (<see cref="ActionHttpHandler"/>).
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
        return HostPatterns.AnyMatches(allowedHosts, url.IdnHost) ? null : $"Host '{url.IdnHost}' is not in the bot's actionHosts.";
    }

    /// <summary>True when the host is listed by its exact name: only then may it resolve to an internal address.</summary>
    public static bool ListedExactly(string host, IReadOnlyList<string> allowedHosts) =>
        allowedHosts.Any(pattern => string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase));

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
