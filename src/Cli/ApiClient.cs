using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatbotPipeline.Cli;

/// <summary>The Ingress HTTP API with the admin key; a non-2xx answer becomes an <see cref="ApiException"/> with the server's reason.</summary>
public sealed class ApiClient(ApiSettings settings) : IDisposable
{
    private readonly HttpClient _http = Create(settings);

    public string BaseUrl => settings.BaseUrl;

    public HttpClient Http => _http;

    public async Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) =>
        await ReadAsync(await SendAsync(() => _http.GetAsync(path, cancellationToken)), cancellationToken);

    public async Task<JsonNode> PostAsync(string path, HttpContent? content, CancellationToken cancellationToken) =>
        await ReadAsync(await SendAsync(() => _http.PostAsync(path, content, cancellationToken)), cancellationToken);

    public async Task<JsonNode> PostJsonAsync<T>(string path, T body, CancellationToken cancellationToken) =>
        await PostAsync(path, JsonContent.Create(body, options: JsonSerializerOptions.Web), cancellationToken);

    public async Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        await SendAsync(() => _http.DeleteAsync(path, cancellationToken));

    public async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (HttpRequestException unreachable)
        {
            throw new ApiException($"Cannot reach {BaseUrl}: {unreachable.Message} (set --url or CHATBOT_URL).");
        }
        if (response.IsSuccessStatusCode)
            return response;
        var body = await response.Content.ReadAsStringAsync();
        throw new ApiException($"{(int)response.StatusCode} {response.ReasonPhrase}: {Reason(response.StatusCode, body)}", response.StatusCode, body);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
        }
    }

    /// <summary>A problem document's detail and field errors, or the body as it came.</summary>
    private static string Reason(HttpStatusCode status, string body)
    {
        if (status == HttpStatusCode.Unauthorized)
            return "the admin key is missing or wrong (set --api-key or CHATBOT_API_KEY).";
        try
        {
            var problem = JsonNode.Parse(body);
            var errors = problem?["errors"]?.AsObject().Select(e => $"{e.Key}: {string.Join(" ", e.Value!.AsArray().Select(m => m!.GetValue<string>()))}");
            return errors is not null ? string.Join("; ", errors) : problem?["detail"]?.GetValue<string>() ?? problem?["title"]?.GetValue<string>() ?? body;
        }
        catch (JsonException)
        {
            return body.Length == 0 ? "(no body)" : body;
        }
    }

    private static HttpClient Create(ApiSettings settings)
    {
        var http = new HttpClient { BaseAddress = new Uri(settings.BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(100) };
        if (settings.Key is { Length: > 0 } key)
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The API refused or could not be reached: printed as one line, exit code 1.</summary>
public sealed class ApiException(string message, HttpStatusCode? status = null, string? body = null) : Exception(message)
{
    public HttpStatusCode? Status { get; } = status;

    public string? Body { get; } = body;
}
