namespace ChatbotPipeline.ServiceDefaults;

/// <summary>
/// The allow-lists of hosts the pipeline sends to (callback URLs, bots' API calls): exact names
/// (<c>bot.example.com</c>) or a wildcard for subdomains (<c>*.example.com</c>), compared without case.
/// </summary>
public static class HostPatterns
{
    public static bool AnyMatches(IEnumerable<string> patterns, string host) => patterns.Any(pattern => Matches(pattern, host));

    public static bool Matches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
}
