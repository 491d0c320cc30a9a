using ChatbotPipeline.Ingress.BotFiles;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary>The admin API under <c>/api</c>, every route behind the API key.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>();
        api.MapBotsApi();
        api.MapIntentsApi();
        api.MapEntitiesApi();
        api.MapConversationsApi();
        api.MapAnalyticsApi();
        api.MapTrainingApi();
        api.MapStoryTestApi();
        api.MapExportsApi();
        api.MapBotFilesApi();
        return app;
    }
}
