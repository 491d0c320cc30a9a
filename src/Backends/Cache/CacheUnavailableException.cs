namespace ChatbotPipeline.Backends.Cache;

/// <summary>The cache could not answer a checked call: the caller should try again later rather than act without it.</summary>
public sealed class CacheUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
