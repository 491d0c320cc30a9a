using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatbotPipeline.Ingress.ApiDocument;

/// <summary>
/// What every operation gets without each route spelling it out: its group (by path), who may call it (the admin key
/// under /api, anyone on webhooks), a stable operation id, a summary from the handler's name when the route gives
/// none, the 401 the key filter answers, and request examples.
/// </summary>
internal sealed partial class OperationDescription : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod ?? "GET";
        var path = ApiDocumentExtensions.PathOf(context.Description);
        var admin = path.StartsWith("/api/", StringComparison.Ordinal) || path == "/api";

        operation.Tags = new HashSet<OpenApiTagReference> { new(TagOf(path), context.Document) };
        operation.OperationId ??= OperationId(method, path);
        operation.Summary ??= Humanize(context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault()?.Name);
        operation.Security = admin
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DocumentDescription.ApiKeyScheme, context.Document)] = [] }]
            : [new OpenApiSecurityRequirement()];
        if (admin)
        {
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "The X-Api-Key header is missing or wrong." });
        }
        RequestExamples.Apply(method, path, operation);
        return Task.CompletedTask;
    }

    private static string TagOf(string path) => path switch
    {
        _ when path.StartsWith("/webhooks/", StringComparison.Ordinal) => "Webhooks",
        _ when path.StartsWith("/chat/", StringComparison.Ordinal) => "Chat stream",
        _ when path.StartsWith("/api/exports", StringComparison.Ordinal) || path.EndsWith("/exports", StringComparison.Ordinal) => "Exports",
        _ when path.Contains("/intents", StringComparison.Ordinal) || path.Contains("/entities", StringComparison.Ordinal) => "Intents and entities",
        _ when path.EndsWith("/import", StringComparison.Ordinal) || path.EndsWith("/export", StringComparison.Ordinal) => "Bot files",
        _ when path.EndsWith("/train", StringComparison.Ordinal) || path.EndsWith("/training", StringComparison.Ordinal) || path.EndsWith("/model", StringComparison.Ordinal) => "Training",
        _ when path.Contains("/conversations", StringComparison.Ordinal) => "Conversations",
        _ when path.EndsWith("/analytics", StringComparison.Ordinal) => "Analytics",
        _ => "Bots",
    };

    /// <summary>"POST /api/bots/{botId}/import" → "postApiBotsBotIdImport": unique as long as the routes are.</summary>
    private static string OperationId(string method, string path) =>
        method.ToLowerInvariant() + string.Concat(Word().Matches(path).Select(m => char.ToUpperInvariant(m.Value[0]) + m.Value[1..]));

    /// <summary>"RequestTraining" → "Request training"; null for a lambda (its route gives a summary).</summary>
    private static string? Humanize(string? name) =>
        name is null || name.Contains('<', StringComparison.Ordinal) ? null
            : name[0] + Capital().Replace(name[1..], m => " " + char.ToLowerInvariant(m.Value[0]));

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Word();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex Capital();
}
