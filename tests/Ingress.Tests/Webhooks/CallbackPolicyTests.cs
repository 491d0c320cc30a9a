using ChatbotPipeline.Ingress.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.Tests.Webhooks;

public sealed class CallbackPolicyTests
{
    private static CallbackPolicy Policy(string environment, params string[] hosts) =>
        new(Options.Create(new IngressOptions { CallbackHosts = [.. hosts] }), new HostingEnvironment { EnvironmentName = environment });

    [Theory]
    [InlineData("https://bot.example.com/replies")]
    [InlineData("http://BOT.example.com:8080/replies")]
    [InlineData("https://eu.hooks.example.org/r")]
    public void Listed_hosts_and_subdomains_of_a_wildcard_are_allowed(string url) =>
        Assert.Null(Policy(Environments.Production, "bot.example.com", "*.hooks.example.org").Refusal(url));

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data", "'169.254.169.254' is not in Ingress:CallbackHosts")]
    [InlineData("https://example.com.evil.net/r", "is not in Ingress:CallbackHosts")]
    [InlineData("https://hooks.example.org/r", "is not in Ingress:CallbackHosts")]
    [InlineData("https://evilhooks.example.org/r", "is not in Ingress:CallbackHosts")]
    [InlineData("ftp://bot.example.com/r", "absolute http or https URL")]
    [InlineData("/relative", "absolute http or https URL")]
    public void Other_hosts_and_schemes_are_refused_with_the_reason(string url, string reason) =>
        Assert.Contains(reason, Policy(Environments.Production, "bot.example.com", "*.hooks.example.org").Refusal(url));

    [Fact]
    public void Without_a_list_development_allows_any_host_and_production_none()
    {
        Assert.Null(Policy(Environments.Development).Refusal("http://127.0.0.1:9000/r"));
        Assert.Contains("not enabled here", Policy(Environments.Production).Refusal("http://127.0.0.1:9000/r"));
    }
}

/// <summary>Outside Development the REST webhook takes only callback hosts from the list.</summary>
public sealed class ProductionCallbackTests : IAsyncLifetime
{
    private readonly Support.TempFolder _folder = new();
    private Support.IngressFactory _factory = null!;

    public async ValueTask InitializeAsync() =>
        _factory = await new Support.IngressFactory(_folder.Path, Environments.Production, new Dictionary<string, string?>
        {
            ["Ingress:CallbackHosts:0"] = "replies.example.com",
        }).WhenReadyAsync();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("https://replies.example.com/bot", System.Net.HttpStatusCode.Accepted)]
    [InlineData("http://169.254.169.254/latest/meta-data", System.Net.HttpStatusCode.BadRequest)]
    [InlineData("http://localhost:8080/admin", System.Net.HttpStatusCode.BadRequest)]
    public async Task Only_listed_callback_hosts_are_taken(string callbackUrl, System.Net.HttpStatusCode expected)
    {
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(_factory.CreateClient(), "/webhooks/rest/demo",
            new { sender = "prod", message = "hello", metadata = new { callback_url = callbackUrl } });

        Assert.Equal(expected, response.StatusCode);
    }
}
