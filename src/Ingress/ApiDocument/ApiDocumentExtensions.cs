using Scalar.AspNetCore;

namespace ChatbotPipeline.Ingress.ApiDocument;

/// <summary>
/// The HTTP API described as OpenAPI at <c>/openapi/v1.json</c> (generated from the mapped routes, so it cannot
/// drift from them) and browsable at <c>/docs</c>.
/// </summary>
public static class ApiDocumentExtensions
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<DocumentDescription>();
            options.AddOperationTransformer<OperationDescription>();
            options.AddOperationTransformer<RequestBodyDocumentation>();
        });

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        // A self-hosted API's reference: no vendor AI chat, SDK generation, deploy toolbar or telemetry.
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("ChatbotPipeline API");
            options.Agent = new ScalarAgentOptions { Disabled = true };
            options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            options.Mcp = new ScalarMcpOptions { Disabled = true };
            options.Telemetry = false;
        });
        return app;
    }

    /// <summary>An operation's route as the document keys it: "/api/bots/{botId}", no trailing slash.</summary>
    internal static string PathOf(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description) =>
        "/" + (description.RelativePath ?? "").TrimEnd('/');
}
