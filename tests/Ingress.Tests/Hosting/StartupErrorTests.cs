using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.ServiceDefaults.Startup;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Ingress.Tests.Hosting;

/// <summary>
/// Every host, started with a wrong setting, says so in one line — the key, the bad value, what is accepted — and
/// exits with <see cref="StartupErrors.ExitCode"/>, with no stack trace to read through.
/// </summary>
public sealed class StartupErrorTests
{
    public static TheoryData<string, string, string, string> WrongSettings => new()
    {
        { "Ingress", "ASPNETCORE_ENVIRONMENT", "Production", "Configuration error: Admin:ApiKey must be set (env Admin__ApiKey)." },
        { "Ingress", "Bus__Transport", "Nonsense", "Configuration error: Bus:Transport is 'Nonsense'; use one of InMemory, RabbitMq, AmazonSqs (environment variable Bus__Transport)." },
        { "Consumers", "Bus__Transport", "Kafka", "Configuration error: Bus:Transport is 'Kafka'; use one of InMemory, RabbitMq, AmazonSqs (environment variable Bus__Transport)." },
        { "Training", "Training__Encoder", "bert", $"Configuration error: Training:Encoder must be one of {string.Join(", ", Nlu.Intents.Encoders.SentenceEncoders.Names)}." },
        { "Host", "Training__Encoder", "bert", $"Configuration error: Training:Encoder must be one of {string.Join(", ", Nlu.Intents.Encoders.SentenceEncoders.Names)}." },
        { "Host", "Bus__Transport", "Nonsense", "Configuration error: Bus:Transport is 'Nonsense'; use one of InMemory, RabbitMq, AmazonSqs (environment variable Bus__Transport)." },
        { "Ingress", "Bus__PublishTimeoutSeconds", "-1",
            "Configuration error: Bus:PublishTimeoutSeconds is '-1': The field PublishTimeoutSeconds must be between 1 and 120. (environment variable Bus__PublishTimeoutSeconds)." },
        { "Consumers", "Exports__RetryIntervalsMilliseconds__0", "0", "Configuration error: Exports:RetryIntervalsMilliseconds must each be 1 to 600,000 ms." },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public async Task A_wrong_setting_is_one_line_naming_the_key_and_what_it_accepts_and_a_non_zero_exit(string project, string key, string value, string line)
    {
        using var data = new TempFolder();
        await using var host = HostProcess.Start(project, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{HostProcess.FreePort()}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Admin__ApiKey"] = key == "ASPNETCORE_ENVIRONMENT" ? "" : "startup-test-admin-key-0123456789",
            ["Documents__Sqlite__Path"] = Path.Combine(data.Path, "chatbot.db"),
            ["Objects__FileSystem__Path"] = Path.Combine(data.Path, "objects"),
            [key] = value,
        });

        var exitCode = await host.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(StartupErrors.ExitCode, exitCode);
        Assert.Contains(line, host.Output.Split('\n', StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("Unhandled exception", host.Output);
        Assert.DoesNotMatch(@"(?m)^\s+at \S+\(", host.Output);
        // Settings are checked before anything starts: no bus started and stopped, no failure logged around the line.
        Assert.DoesNotContain("Failed to stop bus", host.Output);
        Assert.DoesNotMatch(@"(?m)^\S*\s*(fail|crit):", host.Output);
    }
}
