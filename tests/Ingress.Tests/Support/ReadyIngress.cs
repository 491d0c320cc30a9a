namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>One started Ingress shared by a test class; tests use their own conversation ids.</summary>
public sealed class ReadyIngress : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public IngressFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Factory = await new IngressFactory(_folder.Path).WhenReadyAsync();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _folder.Dispose();
    }
}
