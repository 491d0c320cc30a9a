namespace ChatbotPipeline.Channels.Webhooks;

/// <summary>
/// Endpoint metadata: the body a route reads itself (webhooks verify the raw bytes before parsing), for the API document.
/// Unlike <c>Accepts</c>, this only documents: <c>Accepts</c> also makes routing answer 415 to any other content type,
/// which would refuse a platform's or curl's slightly different header that the handler reads fine.
/// </summary>
public sealed record DocumentedBody(Type Body, IReadOnlyList<string> ContentTypes);

public static class DocumentedBodyExtensions
{
    public static RouteHandlerBuilder DocumentsBody<TBody>(this RouteHandlerBuilder route, params string[] contentTypes) =>
        route.WithMetadata(new DocumentedBody(typeof(TBody), contentTypes));
}
