using ChatbotPipeline.Channels.Webhooks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatbotPipeline.Ingress.ApiDocument;

/// <summary>
/// Documents the body of a route that reads its request itself, as its <see cref="DocumentedBody"/> metadata says
/// (webhooks verify the raw bytes before parsing), with the route's example.
/// </summary>
internal sealed class RequestBodyDocumentation : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedBody>().FirstOrDefault() is not { } body)
            return;
        var schema = await context.GetOrCreateSchemaAsync(body.Body, null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = body.ContentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }),
        };
        // After the shared description: the example goes on the body made here.
        RequestExamples.Apply(context.Description.HttpMethod ?? "POST", ApiDocumentExtensions.PathOf(context.Description), operation);
    }
}
