namespace ChatbotPipeline.Ingress;

/// <summary>How this Ingress runs (section <c>Ingress</c>).</summary>
public sealed class IngressOptions
{
    public const string Section = "Ingress";

    /// <summary>
    /// Host the consumers and the trainer in this process: the embedded default, one process for everything.
    /// Set false when <c>src/Consumers</c> and <c>src/Training</c> run as their own hosts. Default true.
    /// </summary>
    public bool HostWorkers { get; set; } = true;
}
