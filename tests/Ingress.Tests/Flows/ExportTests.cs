using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>Conversations in, an export out: through the admin API, the bus, the export consumer and the object store.</summary>
public sealed class ExportTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    [Fact]
    public async Task After_n_conversations_the_export_downloads_exactly_their_turns_and_matches_its_manifest()
    {
        const int conversations = 12;
        var client = ingress.Factory.CreateClient();
        var admin = ingress.Factory.CreateAdminClient();
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var messageIds = new List<string>();
        for (var i = 0; i < conversations; i++)
            messageIds.Add((await Chat.SendAsync(client, $"export-{i}", "hello")).GetProperty("messageId").GetString()!);
        for (var i = 0; i < conversations; i++)
            await Chat.TurnsAsync(admin, $"export-{i}", 1);

        var requested = await admin.PostAsJsonAsync("/api/bots/demo/exports", new { from, to = DateTimeOffset.UtcNow.AddSeconds(1), format = "ndjson" },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var exportId = (await requested.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("exportId").GetString();
        var view = await CompletedAsync(admin, exportId!);

        var gzip = await admin.GetByteArrayAsync(view.GetProperty("downloadUrl").GetString(), TestContext.Current.CancellationToken);
        var manifest = view.GetProperty("export").GetProperty("manifest");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(gzip)), manifest.GetProperty("sha256").GetString());
        Assert.Equal(gzip.Length, manifest.GetProperty("bytes").GetInt64());
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress));
        var exported = new List<string>();
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
            exported.Add(JsonDocument.Parse(line).RootElement.GetProperty("messageId").GetString()!);
        Assert.Equal(messageIds.Order(), exported.Order());
        Assert.Equal(conversations, manifest.GetProperty("turns").GetInt32());
    }

    [Fact]
    public async Task A_request_without_a_range_or_in_another_format_is_400_with_the_reasons()
    {
        var response = await ingress.Factory.CreateAdminClient().PostAsJsonAsync("/api/bots/demo/exports", new { format = "csv" },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.Equal(["format", "from", "to"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task Unknown_bots_and_exports_are_404()
    {
        var admin = ingress.Factory.CreateAdminClient();

        var unknownBot = await admin.PostAsJsonAsync("/api/bots/nobot/exports", new { from = DateTimeOffset.UtcNow.AddHours(-1), to = DateTimeOffset.UtcNow },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, unknownBot.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/exports/nothing", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/exports/nothing/download", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static async Task<JsonElement> CompletedAsync(HttpClient admin, string exportId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var view = await admin.GetFromJsonAsync<JsonElement>($"/api/exports/{exportId}", TestContext.Current.CancellationToken);
            var state = view.GetProperty("export").GetProperty("state").GetString();
            if (state == "Completed")
                return view;
            if (state == "Failed" || DateTime.UtcNow > deadline)
                throw new TimeoutException($"Export {exportId} ended {state}: {view}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
