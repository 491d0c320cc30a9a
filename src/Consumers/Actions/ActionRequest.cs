namespace ChatbotPipeline.Consumers.Actions;

/// <summary>An API call with its templates rendered: what is sent.</summary>
public sealed record ActionRequest(HttpMethod Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string? JsonBody);

/// <summary>What a call came to: the last status and body, or why there was none.</summary>
public sealed record ActionCallResult(int? Status, string? Body, double Milliseconds, int Attempts, string? Error);
