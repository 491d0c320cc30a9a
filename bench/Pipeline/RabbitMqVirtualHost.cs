using System.Diagnostics;

namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>A fresh RabbitMQ virtual host per measurement, so no queue left by an earlier run holds messages.</summary>
internal sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private readonly string _node;

    private RabbitMqVirtualHost(string node, string name)
    {
        _node = node;
        Name = name;
    }

    public string Name { get; }

    public static async Task<RabbitMqVirtualHost> CreateAsync(string node, string purpose)
    {
        var host = new RabbitMqVirtualHost(node, $"bench-{purpose}-{Guid.NewGuid():N}");
        await host.CtlAsync("add_vhost", host.Name);
        await host.CtlAsync("set_permissions", "-p", host.Name, "guest", ".*", ".*", ".*");
        return host;
    }

    private async Task CtlAsync(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", ["-q", "-n", _node, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {await error}");
    }

    public async ValueTask DisposeAsync() => await CtlAsync("delete_vhost", Name);
}
