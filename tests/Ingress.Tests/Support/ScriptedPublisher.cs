using MassTransit;

namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>
/// A bus endpoint whose publishes do what the test says: complete, fail, or hang without ever looking at their
/// cancellation token (as a broker connection in recovery can). Records what it was given.
/// </summary>
public sealed class ScriptedPublisher : IPublishEndpoint
{
    private readonly List<object> _published = [];

    /// <summary>What the next publishes do; by default they complete at once.</summary>
    public Func<object, CancellationToken, Task> Behaviour { get; set; } = (_, _) => Task.CompletedTask;

    public IReadOnlyList<object> Published
    {
        get { lock (_published) return [.. _published]; }
    }

    /// <summary>A publish that never finishes and ignores cancellation.</summary>
    public static Task Hang(object message, CancellationToken cancellationToken) => new TaskCompletionSource().Task;

    private Task Record(object message, CancellationToken cancellationToken)
    {
        lock (_published)
            _published.Add(message);
        return Behaviour(message, cancellationToken);
    }

    public Task Publish<T>(T message, CancellationToken cancellationToken = default) where T : class => Record(message, cancellationToken);

    public Task Publish<T>(T message, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default) where T : class =>
        Record(message, cancellationToken);

    public Task Publish<T>(T message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) where T : class =>
        Record(message, cancellationToken);

    public Task Publish(object message, CancellationToken cancellationToken = default) => Record(message, cancellationToken);

    public Task Publish(object message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) => Record(message, cancellationToken);

    public Task Publish(object message, Type messageType, CancellationToken cancellationToken = default) => Record(message, cancellationToken);

    public Task Publish(object message, Type messageType, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) =>
        Record(message, cancellationToken);

    public Task Publish<T>(object values, CancellationToken cancellationToken = default) where T : class => Record(values, cancellationToken);

    public Task Publish<T>(object values, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default) where T : class =>
        Record(values, cancellationToken);

    public Task Publish<T>(object values, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) where T : class =>
        Record(values, cancellationToken);

    public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => throw new NotSupportedException();
}
