using Scalar.AspNetCore;

namespace ChatbotPipeline.Ingress.ApiDocument;

/// <summary>
/// The HTTP API described as OpenAPI at <see cref="DocumentPath"/> (generated from the mapped routes, so it cannot
/// drift from them) and browsable at <c>/docs</c>.
/// </summary>
public static class ApiDocumentExtensions
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<DocumentDescription>();
            options.AddOperationTransformer<OperationDescription>();
        });

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options.WithTitle("ChatbotPipeline API"));
        return app;
    }
}
