using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatbotPipeline.Ingress.ApiDocument;

/// <summary>
/// Describes the body of a route that reads its request itself (webhooks verify the raw bytes before parsing).
/// Unlike <c>Accepts</c>, this only documents: <c>Accepts</c> also makes routing answer 415 to any other content type,
/// which would refuse a platform's or curl's slightly different header that the handler reads fine.
/// </summary>
public static class RequestBodyDocumentation
{
    public static RouteHandlerBuilder DocumentsBody<TBody>(this RouteHandlerBuilder route, params string[] contentTypes) =>
        route.DocumentsBody(typeof(TBody), contentTypes);

    public static RouteHandlerBuilder DocumentsBody(this RouteHandlerBuilder route, Type body, params string[] contentTypes) =>
        route.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(body, null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = contentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }),
            };
            // Route transformers run after the shared one: the example goes on the body made here.
            RequestExamples.Apply(context.Description.HttpMethod ?? "POST", ApiDocumentExtensions.PathOf(context.Description), operation);
        });
}
