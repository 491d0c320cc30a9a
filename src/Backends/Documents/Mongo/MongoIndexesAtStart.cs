using Microsoft.Extensions.Hosting;

namespace ChatbotPipeline.Backends.Documents.Mongo;

/// <summary>Creates the indexes while the host starts, so an unreachable or misconfigured MongoDB stops the host with its error.</summary>
public sealed class MongoIndexesAtStart(MongoDocuments documents) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => documents.ReadyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
