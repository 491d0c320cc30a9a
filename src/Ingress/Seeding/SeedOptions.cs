namespace ChatbotPipeline.Ingress.Seeding;

/// <summary>What Ingress creates on first start (section <c>Seed</c>).</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Create the demo bot (id <c>demo</c>) when it does not exist, and ask for its training. Default true.</summary>
    public bool DemoBot { get; set; } = true;
}
