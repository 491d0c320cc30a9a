using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Consumers.Tests.RabbitMq;

/// <summary>A virtual host of a test's own on the broker and a folder for its SQLite file and objects; both removed at the end.</summary>
public sealed class RabbitMqTestBed : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-rabbit-").FullName;

    private RabbitMqTestBed(string virtualHost) => VirtualHost = virtualHost;

    public string VirtualHost { get; }

    public static async Task<RabbitMqTestBed> CreateAsync() => new(await RabbitMqBroker.CreateVirtualHostAsync());

    /// <summary>What a Consumers host needs to run on this virtual host, plus <paramref name="more"/>.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = RabbitMqBroker.Host,
            ["Bus:RabbitMq:Port"] = RabbitMqBroker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bus:RabbitMq:VirtualHost"] = VirtualHost,
            ["Documents:Sqlite:Path"] = Path.Combine(_folder, "chatbot.db"),
            ["Objects:FileSystem:Path"] = Path.Combine(_folder, "objects"),
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await RabbitMqBroker.CtlAsync("delete_vhost", VirtualHost);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
