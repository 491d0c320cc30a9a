using MongoDB.Driver;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>Builds the one <see cref="IMongoClient"/> a process shares (it pools its connections).</summary>
public static class MongoConnection
{
    public static bool IsValid(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return false;
        try
        {
            _ = MongoUrl.Create(connectionString);
            return true;
        }
        catch (MongoConfigurationException)
        {
            return false;
        }
    }

    public static IMongoClient Connect(MongoDocumentsOptions options)
    {
        var settings = MongoClientSettings.FromConnectionString(options.ConnectionString);
        settings.ApplicationName ??= "chatbot-pipeline";
        return new MongoClient(settings);
    }
}
