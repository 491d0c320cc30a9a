using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Exports;
using ChatbotPipeline.Backends.Objects;
using ChatbotPipeline.Contracts;
using MassTransit.Testing;

namespace ChatbotPipeline.Consumers.Tests.Exports;

/// <summary>An export holds exactly the range's stored turns, matches its manifest, and is written once however often it is asked for.</summary>
public sealed class ExportConsumerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static ConversationTurn Turn(int i, string botId = Some.BotId) => new(
        $"m{i:D5}", botId, $"c{i % 7}", "rest", $"u{i % 7}", $"message {i} \"quoted\" ünïcode", "greet", 0.9, [], new Dictionary<string, string>(),
        ["Hello!"], DialogueStates.Completed, "v1", Start.AddSeconds(i), Start.AddSeconds(i).AddMilliseconds(5));

    private static async Task<PipelineTestHost> SeedAsync(int turns)
    {
        var host = await new PipelineTestHost().StartAsync();
        var store = host.Get<IConversationStore>();
        for (var i = 0; i < turns; i++)
            await store.AppendAsync(Turn(i));
        await store.AppendAsync(Turn(0, botId: "other") with { MessageId = "other-bot" });
        return host;
    }

    private static ExportRequested Request(DateTimeOffset from, DateTimeOffset to) =>
        new(Guid.CreateVersion7().ToString("N"), Some.BotId, from, to, "ndjson", DateTimeOffset.UtcNow);

    private static async Task<(byte[] Gzip, List<JsonElement> Lines)> ReadExportAsync(PipelineTestHost host, string exportId)
    {
        await using var data = (await host.Get<ExportRecords>().OpenDataAsync(exportId, CancellationToken.None))!;
        using var copy = new MemoryStream();
        await data.CopyToAsync(copy);
        var gzip = copy.ToArray();
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress));
        var lines = new List<JsonElement>();
        while (await reader.ReadLineAsync() is { } line)
            lines.Add(JsonDocument.Parse(line).RootElement.Clone());
        return (gzip, lines);
    }

    [Fact]
    public async Task The_export_holds_exactly_the_stored_turns_of_the_range_and_matches_its_manifest()
    {
        await using var host = await SeedAsync(turns: 250);
        var request = Request(Start.AddSeconds(50), Start.AddSeconds(200));

        await host.Harness.Bus.Publish(request);

        Assert.True(await host.Harness.Consumed.Any<ExportRequested>());
        var (gzip, lines) = await ReadExportAsync(host, request.ExportId);
        Assert.Equal(150, lines.Count);
        Assert.Equal(Enumerable.Range(50, 150).Select(i => $"m{i:D5}"), lines.Select(l => l.GetProperty("messageId").GetString()));
        Assert.Equal("message 50 \"quoted\" ünïcode", lines[0].GetProperty("text").GetString());
        var manifest = (await host.Get<IObjectStore>().ReadJsonAsync<ExportManifest>(ExportRecords.ManifestKey(request.ExportId), CancellationToken.None))!;
        Assert.Equal((150L, (long)gzip.Length, Convert.ToHexStringLower(SHA256.HashData(gzip))), (manifest.Turns, manifest.Bytes, manifest.Sha256));
        Assert.Equal((request.From, request.To), (manifest.From, manifest.To));
        var status = (await host.Get<ExportRecords>().GetAsync(request.ExportId, CancellationToken.None))!;
        Assert.Equal((ExportState.Completed, manifest), (status.State, status.Manifest));
    }

    [Fact]
    public async Task A_redelivered_request_makes_no_second_export()
    {
        await using var host = await SeedAsync(turns: 20);
        var request = Request(Start, Start.AddDays(1));
        await host.Harness.Bus.Publish(request);
        Assert.True(await host.Harness.Consumed.Any<ExportRequested>());
        var first = await host.Get<IObjectStore>().ListAsync($"exports/{request.ExportId}/");
        var firstManifest = await host.Get<IObjectStore>().ReadJsonAsync<ExportManifest>(ExportRecords.ManifestKey(request.ExportId), CancellationToken.None);

        await host.Harness.Bus.Publish(request);

        await Eventually.AtLeastAsync(2, () => host.Harness.Consumed.Select<ExportRequested>());
        Assert.Equal(first, await host.Get<IObjectStore>().ListAsync($"exports/{request.ExportId}/"));
        Assert.Equal(firstManifest, await host.Get<IObjectStore>().ReadJsonAsync<ExportManifest>(ExportRecords.ManifestKey(request.ExportId), CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_range_is_an_empty_export_not_an_error()
    {
        await using var host = await SeedAsync(turns: 5);
        var request = Request(Start.AddDays(10), Start.AddDays(11));

        await host.Harness.Bus.Publish(request);

        Assert.True(await host.Harness.Consumed.Any<ExportRequested>());
        Assert.Empty((await ReadExportAsync(host, request.ExportId)).Lines);
    }
}
