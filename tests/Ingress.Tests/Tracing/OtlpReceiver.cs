using System.Net;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Ingress.Tests.Tracing;

/// <summary>One span as an OTLP exporter sent it: its trace, name and the service that sent it.</summary>
internal sealed record ReceivedSpan(string TraceId, string Name, string Service);

/// <summary>
/// A small OTLP/HTTP trace receiver (<c>POST /v1/traces</c>, protobuf) on 127.0.0.1: what the hosts' exporters send,
/// read with a few lines of protobuf wire format instead of the collector's generated types (not served here).
/// </summary>
internal sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<ReceivedSpan> _spans = [];
    private readonly Task _serving;

    public OtlpReceiver()
    {
        Endpoint = $"http://127.0.0.1:{HostProcess.FreePort()}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>What OTEL_EXPORTER_OTLP_ENDPOINT is set to (the exporter adds /v1/traces).</summary>
    public string Endpoint { get; }

    public IReadOnlyList<ReceivedSpan> Spans
    {
        get { lock (_spans) return [.. _spans]; }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var spans = ReadRequest(body.ToArray());
            lock (_spans)
                _spans.AddRange(spans);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1 }
    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2 }  Resource { repeated KeyValue attributes = 1 }
    // KeyValue { string key = 1; AnyValue value = 2 }  AnyValue { string string_value = 1 }
    // ScopeSpans { repeated Span spans = 2 }  Span { bytes trace_id = 1; string name = 5 }
    private static IEnumerable<ReceivedSpan> ReadRequest(byte[] request)
    {
        foreach (var resourceSpans in Fields(request, 1))
        {
            var service = Fields(resourceSpans, 1).SelectMany(resource => Fields(resource, 1))
                .Where(kv => Text(Fields(kv, 1).FirstOrDefault()) == "service.name")
                .Select(kv => Text(Fields(Fields(kv, 2).First(), 1).FirstOrDefault())).FirstOrDefault() ?? "";
            foreach (var scopeSpans in Fields(resourceSpans, 2))
                foreach (var span in Fields(scopeSpans, 2))
                    yield return new ReceivedSpan(Convert.ToHexStringLower(Fields(span, 1).First()), Text(Fields(span, 5).FirstOrDefault()), service);
        }
    }

    private static string Text(byte[]? bytes) => bytes is null ? "" : System.Text.Encoding.UTF8.GetString(bytes);

    /// <summary>The length-delimited fields with this number in a message (others skipped by wire type).</summary>
    private static IEnumerable<byte[]> Fields(byte[] message, int number)
    {
        var found = new List<byte[]>();
        var i = 0;
        while (i < message.Length)
        {
            var key = Varint(message, ref i);
            var (field, wire) = ((int)(key >> 3), (int)(key & 7));
            switch (wire)
            {
                case 0: Varint(message, ref i); break;
                case 1: i += 8; break;
                case 5: i += 4; break;
                case 2:
                    var length = (int)Varint(message, ref i);
                    if (field == number)
                        found.Add(message[i..(i + length)]);
                    i += length;
                    break;
                default: throw new InvalidDataException($"Unexpected wire type {wire}.");
            }
        }
        return found;
    }

    private static ulong Varint(byte[] bytes, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
