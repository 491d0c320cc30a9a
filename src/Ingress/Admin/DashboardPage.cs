namespace ChatbotPipeline.Ingress.Admin;

/// <summary>
/// <c>/dashboard</c>: the analytics page (<c>wwwroot/dashboard.html</c>). The page itself is public, like the chat page;
/// every figure it shows comes from the admin API with the key the operator types in.
/// </summary>
public static class DashboardPage
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        // Through the web root's file provider: in Development it maps to the project's wwwroot, published it is the copy.
        app.MapGet("/dashboard", (IWebHostEnvironment environment) =>
            environment.WebRootFileProvider.GetFileInfo("dashboard.html") is { Exists: true } page
                ? Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8")
                : Results.NotFound())
            .ExcludeFromDescription();
        return app;
    }
}
