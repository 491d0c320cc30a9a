using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotPipeline.Ingress.Tests.Api;

/// <summary>The OpenAPI document at /openapi/v1.json: complete, lint-clean, and browsable at /docs.</summary>
public sealed class ApiDocumentTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private async Task<JsonObject> DocumentAsync()
    {
        var response = await ingress.Factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        // Kept beside the screenshots for whoever wants to read or lint what CI served.
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "artifacts", "openapi.json"), text);
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task Every_mapped_route_and_method_is_in_the_document()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject();
        var routes = ingress.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m.ToLowerInvariant(), Path: "/" + e.RoutePattern.RawText!.Trim('/'))))
            .Where(r => !r.Path.StartsWith("/openapi", StringComparison.Ordinal) && !r.Path.StartsWith("/docs", StringComparison.Ordinal))
            .Distinct().ToList();

        var missing = routes.Where(r => paths[r.Path]?[r.Method] is null).Select(r => $"{r.Method.ToUpperInvariant()} {r.Path}").ToList();

        Assert.True(routes.Count >= 30, $"Only {routes.Count} routes found: is the endpoint data source the app's?");
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Admin_operations_need_the_key_webhooks_do_not_and_each_has_a_summary_and_a_unique_id()
    {
        var document = await DocumentAsync();
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key, Operation: op.Value!.AsObject()))).ToList();

        Assert.All(operations, o =>
        {
            var schemes = o.Operation["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)).ToList();
            Assert.Equal(o.Path.StartsWith("/api/", StringComparison.Ordinal) ? ["ApiKey"] : [], schemes);
            Assert.False(string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>()), $"{o.Method} {o.Path} has no summary");
        });
        Assert.Equal(operations.Count, operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal("X-Api-Key", document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/api/bots"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]);
        Assert.NotNull(document["paths"]!["/webhooks/rest/{botId}"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]);
    }

    [Fact]
    public async Task The_document_passes_redoclys_recommended_rules_with_no_error()
    {
        var redocly = Environment.GetEnvironmentVariable("REDOCLY");
        Assert.SkipWhen(string.IsNullOrEmpty(redocly), "REDOCLY is not set: `source .ci/services.sh` installs @redocly/cli and sets it.");
        await DocumentAsync();
        var file = Path.Combine(AppContext.BaseDirectory, "artifacts", "openapi.json");

        var start = new ProcessStartInfo(redocly, ["lint", file, "--format=stylish"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var lint = Process.Start(start)!;
        var output = await lint.StandardOutput.ReadToEndAsync() + await lint.StandardError.ReadToEndAsync();
        await lint.WaitForExitAsync();

        Assert.True(lint.ExitCode == 0, output);
        Assert.DoesNotContain(" error ", output);
    }

    [Fact]
    public async Task The_api_reference_renders_the_operations_in_a_browser()
    {
        Assert.SkipWhen(HeadlessChromium.Path is null, "Chromium is not installed (apt-get install chromium, or set CHROMIUM).");
        using var folder = new TempFolder();
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await using var host = HostProcess.Start("Host", EmbeddedSettings.For(folder.Path, url));
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await HostProcess.WaitForAsync(async () => (await http.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK, "Ingress live", host);

        await using var page = await ChromiumPage.OpenAsync($"{url}/docs");
        // Scalar renders the first group's operations and the other groups' headings until they scroll into view.
        await page.WaitUntilAsync("document.body.innerText.includes('Create bot') && document.body.innerText.includes('Webhooks')", "the operations and their groups");
        await page.ScreenshotAsync(Path.Combine(AppContext.BaseDirectory, "artifacts", "api-docs.png"));

        var text = (await page.EvaluateAsync("document.body.innerText"))!.GetValue<string>();
        Assert.Contains("ChatbotPipeline API", text);
        // A self-hosted API's reference shows none of the vendor's AI chat, SDK generation or deploy buttons.
        Assert.DoesNotContain("Ask AI", text);
        Assert.DoesNotContain("Generate SDK", text);
        Assert.DoesNotContain("Deploy", text);
    }
}
