using ChatbotPipeline.Tests.Shared.Platforms;
namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>One Ingress with bot <c>demo</c> connected to every platform, its replies going to local fakes of the platforms' APIs.</summary>
public sealed class PlatformIngress : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public IngressFactory Factory { get; private set; } = null!;
    public FakePlatformApis Apis { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Apis = await FakePlatformApis.StartAsync();
        var settings = PlatformSamples.Settings(Apis.BaseUrl);
        // Fuzzing sends thousands of messages from a handful of senders: the sender limit is tested elsewhere.
        settings["Ingress:SenderMessagesPerMinute"] = "0";
        Factory = await new IngressFactory(_folder.Path, settings: settings).WhenReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Apis.DisposeAsync();
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformIngressCollection : ICollectionFixture<PlatformIngress>
{
    public const string Name = "platform ingress";
}
