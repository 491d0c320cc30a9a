using ChatbotPipeline.Ingress.Admin;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatbotPipeline.Ingress.ApiDocument;

/// <summary>What the document says as a whole: title, the admin key scheme, and the groups operations are tagged with.</summary>
internal sealed class DocumentDescription : IOpenApiDocumentTransformer
{
    public const string ApiKeyScheme = "ApiKey";

    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Bots"] = "Create, read, change and delete bots.",
        ["Intents and entities"] = "A bot's intents (phrases, parameters, replies) and entity types, one by one.",
        ["Bot files"] = "Import and export a whole bot: ai-chatbot-framework JSON or Rasa YAML.",
        ["Training"] = "Train a bot's NLU model and follow the training; the model being served.",
        ["Conversations"] = "The turns a bot has had: what was said, understood and answered.",
        ["Analytics"] = "Counts, intents, fallbacks and latency per bot.",
        ["Exports"] = "Conversations exported to the object store and downloaded.",
        ["Webhooks"] = "Where chat platforms and your own site post user messages; answered as soon as the message is queued.",
        ["Chat stream"] = "Server-sent events with a conversation's replies, for web chat.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ChatbotPipeline API",
            Version = "1",
            Description = "Webhooks that take user messages from chat platforms and an admin API (behind the X-Api-Key header) to build, " +
                          "train and watch bots. A webhook answers 202 once the message is on the bus; the reply goes back to the platform.",
        };
        // The server is the address the document was fetched from; linters (and some clients) reject its trailing slash.
        foreach (var server in document.Servers ?? [])
            server.Url = server.Url?.TrimEnd('/');
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyFilter.Header,
            Description = "The admin key (Admin__ApiKey).",
        };
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
        return Task.CompletedTask;
    }
}
