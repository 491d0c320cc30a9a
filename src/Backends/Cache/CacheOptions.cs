namespace ChatbotPipeline.Backends.Cache;

/// <summary>Where short-lived state lives: conversation context, duplicate markers (section <c>Cache</c>).</summary>
public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>Which cache to use. Default <see cref="CacheProvider.Memory"/>, which only one process can share.</summary>
    public CacheProvider Provider { get; set; } = CacheProvider.Memory;
}

/// <summary>The caches this build can use.</summary>
public enum CacheProvider
{
    Memory,
}
