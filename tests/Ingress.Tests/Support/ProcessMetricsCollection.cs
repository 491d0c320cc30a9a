namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>
/// Tests that compare two /metrics scrapes. The Prometheus registry is one per process, so every host started by a
/// test running alongside would add its own series between the scrapes; this collection runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMetricsCollection
{
    public const string Name = "process metrics";
}
