using System.Diagnostics;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Faults.Tests.Support;

/// <summary>
/// The transports the suite runs on: its own RabbitMQ node (<c>RABBITMQ_FAULTS_NODE</c>, which only this suite stops
/// and pauses, a fresh virtual host per scenario) and the SQS emulator (<c>SQS_SERVICE_URL</c>, a queue-name prefix
/// per scenario). Skipped when they are not configured (<c>source .ci/services.sh</c> starts both).
/// </summary>
public static class Transports
{
    public static string RabbitNode => Require("RABBITMQ_FAULTS_NODE");

    public static async Task<Dictionary<string, string>> RabbitMqAsync()
    {
        var virtualHost = $"faults-{Guid.NewGuid():N}";
        await RabbitMqBroker.CtlOnAsync(RabbitNode, "add_vhost", virtualHost);
        await RabbitMqBroker.CtlOnAsync(RabbitNode, "set_permissions", "-p", virtualHost, "guest", ".*", ".*", ".*");
        return new Dictionary<string, string>
        {
            ["Bus__Transport"] = "RabbitMq",
            ["Bus__RabbitMq__Host"] = "127.0.0.1",
            ["Bus__RabbitMq__Port"] = Require("RABBITMQ_FAULTS_PORT"),
            ["Bus__RabbitMq__VirtualHost"] = virtualHost,
        };
    }

    public static Dictionary<string, string> AmazonSqs() => new()
    {
        ["Bus__Transport"] = "AmazonSqs",
        ["Bus__AmazonSqs__ServiceUrl"] = Require("SQS_SERVICE_URL"),
        ["Bus__AmazonSqs__QueueNamePrefix"] = $"f{Guid.NewGuid():N}"[..10] + "-",
        ["Bus__AmazonSqs__AutoProvision"] = "true",
        ["Bus__AmazonSqs__VisibilityTimeoutSeconds"] = "10",
    };

    /// <summary>Stops (SIGSTOP) or resumes (SIGCONT) the broker's VM: connections stay open and nothing answers, the worst a broker can do.</summary>
    public static async Task SignalBrokerAsync(string signal)
    {
        var pid = (await File.ReadAllTextAsync(Require("RABBITMQ_FAULTS_PIDFILE"))).Trim();
        using var kill = Process.Start("kill", [$"-{signal}", pid])!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    private static string Require(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        Assert.SkipWhen(string.IsNullOrEmpty(value), $"{variable} is not set: `source .ci/services.sh` starts what the fault suite runs on.");
        return value!;
    }
}
