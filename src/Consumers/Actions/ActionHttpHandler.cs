using System.Net;
using System.Net.Sockets;
using ChatbotPipeline.ServiceDefaults;

namespace ChatbotPipeline.Consumers.Actions;

/// <summary>
/// The connection step of the actions' HttpClient: resolves the host itself and connects only to an address the
/// policy accepts, so a name that resolves to an internal address (or changes its answer between a check and the
/// connect) never reaches it. The request says whether internal addresses are allowed for its host.
/// </summary>
public static class ActionHttpHandler
{
    /// <summary>Set on a request whose host the bot lists by exact name: it may resolve to an internal address.</summary>
    public static readonly HttpRequestOptionsKey<bool> InternalAllowed = new("chatbot.action.internal-allowed");

    public static SocketsHttpHandler Create() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = ConnectAsync,
    };

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var internalAllowed = context.InitialRequestMessage.Options.TryGetValue(InternalAllowed, out var allowed) && allowed;
        var usable = addresses.Where(address => internalAllowed || !ActionHostPolicy.IsInternal(address)).ToArray();
        if (usable.Length == 0)
            throw new ActionRefusedException($"Host '{host}' resolves to an internal address, which is only called when the bot lists the host by name in actionHosts.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The call may not be made at all: no request is sent, and it is not retried.</summary>
public sealed class ActionRefusedException(string message) : Exception(message);
