using System.Diagnostics;

namespace ChatbotPipeline.Tests.Shared;

/// <summary>
/// The RabbitMQ node <c>.ci/run</c> starts (RABBITMQ_HOST / RABBITMQ_PORT). Each test gets its own virtual host, so
/// hosts in parallel tests never compete for one queue. Tests are skipped when no broker is configured.
/// </summary>
public static class RabbitMqBroker
{
    public static string Host => Require("RABBITMQ_HOST");

    public static int Port => int.Parse(Environment.GetEnvironmentVariable("RABBITMQ_PORT") ?? "5672", System.Globalization.CultureInfo.InvariantCulture);

    public static string Node => Environment.GetEnvironmentVariable("RABBITMQ_NODE") ?? "rabbit@localhost";

    /// <summary>A fresh virtual host that guest may use.</summary>
    public static async Task<string> CreateVirtualHostAsync()
    {
        _ = Host;
        var name = $"test-{Guid.NewGuid():N}";
        await CtlAsync("add_vhost", name);
        await CtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return name;
    }

    /// <summary>Runs rabbitmqctl against <paramref name="node"/> (default the main node) and returns its output.</summary>
    public static async Task<string> CtlAsync(params string[] arguments) => await CtlOnAsync(Node, arguments);

    public static async Task<string> CtlOnAsync(string node, params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl", ["-n", node, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {error}");
        return output;
    }

    private static string Require(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        Assert.SkipWhen(string.IsNullOrEmpty(value), $"{variable} is not set: no RabbitMQ to run this test against.");
        return value!;
    }
}
