using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Records;

/// <summary>Registers one <see cref="RecordBatcher{T}"/> per record kind, writing to the store <c>store</c> picks.</summary>
public static class RecordBatcherRegistration
{
    public static IServiceCollection AddRecordBatcher<T>(this IServiceCollection services, Func<IServiceProvider, RecordBatcher<T>.StoreBatch> store)
        where T : class =>
        // The batch window bounds how long a consumed message waits on the broker: wall-clock time, not the pipeline's
        // clock, which tests move by hand (alert windows, retention) and would otherwise hold every partial batch.
        services.AddSingleton(provider => new RecordBatcher<T>(store(provider), provider.GetRequiredService<IOptions<RecordBatchOptions>>().Value, TimeProvider.System));
}
