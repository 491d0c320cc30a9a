using System.Globalization;

namespace ChatbotPipeline.Faults.Tests.Support;

/// <summary>One fault scenario's outcome: what users sent and were told, what the pipeline stored and replied.</summary>
public sealed record ScenarioReport(
    string Scenario,
    int Sent,
    int Accepted,
    int Stored,
    int Lost,
    int DuplicateTurns,
    int DuplicateReplies,
    int MissingReplies,
    IReadOnlyDictionary<string, int> Refusals,
    double LongestAnswerSeconds,
    double? RecoverySeconds,
    int StarvationWarnings,
    int EndpointRestarts,
    int OrderWaitsGivenUp)
{
    public const string TableHeader =
        "| scenario | sent | accepted | stored | lost | duplicated turns | duplicated replies | replies missing | non-2xx answers (incl. retries) | longest answer | repaired → all stored and answered | thread-pool starvation warnings | endpoints restarted / order waits given up |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public string TableRow()
    {
        var refusals = Refusals.Count == 0 ? "none" : string.Join(", ", Refusals.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value:N0}"));
        var recovery = RecoverySeconds is { } seconds ? $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "—";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Scenario} | {Sent:N0} | {Accepted:N0} | {Stored:N0} | {Lost} | {DuplicateTurns} | {DuplicateReplies} | {MissingReplies} | {refusals} | {LongestAnswerSeconds:0.00} s | {recovery} | {StarvationWarnings} | {EndpointRestarts} / {OrderWaitsGivenUp} |");
    }
}
