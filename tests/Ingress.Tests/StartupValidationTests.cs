using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests;

/// <summary>A wrong or missing setting stops the host with a message that names the key.</summary>
public sealed class StartupValidationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private Exception StartWith(string environment, Dictionary<string, string?> settings)
    {
        using var factory = new IngressFactory(_folder.Path, environment, settings);
        return Assert.ThrowsAny<Exception>(() => factory.CreateClient());
    }

    [Fact]
    public void Outside_development_the_admin_key_is_required() =>
        Assert.Contains("Admin:ApiKey", StartWith("Production", new() { ["Admin:ApiKey"] = "" }).ToString());

    [Fact]
    public void A_short_admin_key_is_refused() =>
        Assert.Contains("Admin:ApiKey must be at least 16 characters", StartWith("Production", new() { ["Admin:ApiKey"] = "short" }).ToString());

    [Theory]
    [InlineData("Bus:Transport", "Carrier-pigeon")]
    [InlineData("Documents:Provider", "Paper")]
    [InlineData("Cache:Provider", "Brain")]
    [InlineData("Objects:Provider", "Drawer")]
    [InlineData("Training:Cron", "at three")]
    [InlineData("Channels:Slack:ApiBaseUrl", "slack.com/api")]
    [InlineData("Channels:Bots:demo:Meta:GraphApiBaseUrl", "ftp://graph.example/")]
    public void An_unknown_setting_value_names_its_key(string key, string value) =>
        Assert.Contains(key, StartWith("Development", new() { [key] = value }).ToString());

    [Theory]
    [InlineData("", "Documents:MongoDb:ConnectionString")]
    [InlineData("localhost:27017", "Documents:MongoDb:ConnectionString")]
    public void The_mongodb_store_needs_a_connection_string(string connectionString, string key) =>
        Assert.Contains(key, StartWith("Development", new() { ["Documents:Provider"] = "MongoDb", ["Documents:MongoDb:ConnectionString"] = connectionString }).ToString());

    [Fact]
    public void The_mongodb_store_needs_a_database_name() =>
        Assert.Contains("Documents:MongoDb:Database", StartWith("Development", new()
        {
            ["Documents:Provider"] = "MongoDb", ["Documents:MongoDb:ConnectionString"] = "mongodb://127.0.0.1:1", ["Documents:MongoDb:Database"] = "",
        }).ToString());

    public void Dispose() => _folder.Dispose();
}
