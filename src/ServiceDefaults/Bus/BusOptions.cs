namespace ChatbotPipeline.ServiceDefaults.Bus;

/// <summary>Which message transport carries the pipeline's messages (section <c>Bus</c>).</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary>The transport. Default <see cref="BusTransport.InMemory"/>: one process, messages lost on exit.</summary>
    public BusTransport Transport { get; set; } = BusTransport.InMemory;
}

/// <summary>The transports this build can use.</summary>
public enum BusTransport
{
    InMemory,
}
