using System.Net;
using ChatbotPipeline.Ingress.Admin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>The embedded default — the all-in-one host: Ingress with the workers — over its own data folder.</summary>
/// <param name="logs">Receives the host's logs besides its console, for tests that inspect them.</param>
/// <param name="services">Changes to the host's services, for tests that observe it (an in-memory trace exporter).</param>
public sealed class IngressFactory(string dataFolder, string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null,
    ILoggerProvider? logs = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<ChatbotPipeline.Host.AllInOne>
{
    public const string ApiKey = "test-admin-key-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Documents:Sqlite:Path", Path.Combine(dataFolder, "chatbot.db"));
        builder.UseSetting("Objects:FileSystem:Path", Path.Combine(dataFolder, "objects"));
        builder.UseSetting("Admin:ApiKey", ApiKey);
        builder.UseSetting("Notifications:RetryIntervalsMilliseconds:0", "50");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        if (logs is not null)
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        if (services is not null)
            builder.ConfigureServices(services);
    }

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyFilter.Header, ApiKey);
        return client;
    }

    /// <summary>Trains a bot through the admin API and waits (up to 60 s) until NLU serves its model.</summary>
    public async Task TrainAsync(string botId)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await CreateAdminClient().PostAsync($"/api/bots/{botId}/train", null)).StatusCode);
        var registry = Services.GetRequiredService<ChatbotPipeline.Consumers.Nlu.ModelRegistry>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await registry.GetAsync(botId, CancellationToken.None) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Bot {botId} was not trained within 60 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until <c>/health/ready</c> passes: the bus is up, the model store read and the demo bot trained.</summary>
    public async Task<IngressFactory> WhenReadyAsync()
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Ingress did not become ready within 60 s.");
            await Task.Delay(50);
        }
        return this;
    }
}
