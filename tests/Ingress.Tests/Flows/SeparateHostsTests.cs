using System.Net;
using System.Net.Http.Json;
using ChatbotPipeline.Backends.Objects;
using ChatbotPipeline.Ingress.Admin;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Ingress.Tests.Tracing;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>
/// Ingress, Consumers and Training as three processes against RabbitMQ or SQS (fauxqs), Redis, S3 (fauxqs) and one
/// SQLite file: a conversation posted to Ingress is answered by the other two, the model lies in the bucket, and each
/// message is one trace across the processes (their OTLP exporters send to a receiver in the test).
/// </summary>
public sealed class SeparateHostsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("RabbitMq")]
    [InlineData("AmazonSqs")]
    public async Task A_conversation_is_answered_across_three_processes_in_one_trace_and_the_model_is_in_the_bucket(string transport)
    {
        var redis = Environment.GetEnvironmentVariable("REDIS_CONFIGURATION");
        var s3 = Environment.GetEnvironmentVariable("S3_SERVICE_URL");
        var sqs = Environment.GetEnvironmentVariable("SQS_SERVICE_URL");
        Assert.SkipWhen(string.IsNullOrEmpty(redis) || string.IsNullOrEmpty(s3), "REDIS_CONFIGURATION and S3_SERVICE_URL must be set.");
        Assert.SkipWhen(transport == "AmazonSqs" && string.IsNullOrEmpty(sqs), "SQS_SERVICE_URL must be set.");
        var virtualHost = transport == "RabbitMq" ? await RabbitMqBroker.CreateVirtualHostAsync() : "";
        var bucket = $"pipeline-{Guid.NewGuid():N}";
        using var otlp = new OtlpReceiver();
        var ingressUrl = $"http://127.0.0.1:{HostProcess.FreePort()}";
        var shared = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Admin__ApiKey"] = IngressFactory.ApiKey,
            ["Bus__Transport"] = transport,
            ["Cache__Provider"] = "Redis",
            ["Cache__Redis__Configuration"] = redis!,
            ["Cache__Redis__KeyPrefix"] = $"{bucket}:",
            ["Objects__Provider"] = "S3",
            ["Objects__S3__ServiceUrl"] = s3!,
            ["Objects__S3__Bucket"] = bucket,
            ["Objects__S3__ForcePathStyle"] = "true",
            ["Objects__S3__CreateBucket"] = "true",
            ["AWS_ACCESS_KEY_ID"] = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? "test",
            ["AWS_SECRET_ACCESS_KEY"] = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "test",
            ["Documents__Sqlite__Path"] = Path.Combine(_folder.Path, "chatbot.db"),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };
        if (transport == "RabbitMq")
        {
            shared["Bus__RabbitMq__Host"] = RabbitMqBroker.Host;
            shared["Bus__RabbitMq__Port"] = RabbitMqBroker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            shared["Bus__RabbitMq__VirtualHost"] = virtualHost;
        }
        else
        {
            shared["Bus__AmazonSqs__ServiceUrl"] = sqs!;
            shared["Bus__AmazonSqs__QueueNamePrefix"] = $"h{Guid.NewGuid():N}"[..12] + "-";
            shared["Bus__AmazonSqs__AutoProvision"] = "true";
        }

        // Ingress first: it seeds the demo bot, whose training request then waits on the broker for the trainer.
        await using var ingress = HostProcess.Start("Ingress", new Dictionary<string, string>(shared)
        { ["ASPNETCORE_URLS"] = ingressUrl, ["OTEL_SERVICE_NAME"] = "ingress" });
        using var http = new HttpClient { BaseAddress = new Uri(ingressUrl) };
        http.DefaultRequestHeaders.Add(ApiKeyFilter.Header, IngressFactory.ApiKey);
        await HostProcess.WaitForAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "Ingress ready", ingress);
        await using var training = HostProcess.Start("Training", new Dictionary<string, string>(shared) { ["OTEL_SERVICE_NAME"] = "training" });
        // A replica that starts after a model was published loads it on the bot's first message; ready means it has read the bucket.
        var consumersUrl = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await using var consumers = HostProcess.Start("Consumers", new Dictionary<string, string>(shared)
        { ["ASPNETCORE_URLS"] = consumersUrl, ["Nlu__ModelRefreshSeconds"] = "1", ["OTEL_SERVICE_NAME"] = "consumers" });
        await HostProcess.WaitForAsync(async () => (await http.GetAsync("/api/bots/demo/model")).StatusCode == HttpStatusCode.OK, "the demo model", training);
        await HostProcess.WaitForAsync(async () => (await http.GetAsync($"{consumersUrl}/health/ready")).StatusCode == HttpStatusCode.OK, "Consumers ready", consumers);

        await Chat.SendAsync(http, "three-hosts", "where is my order");
        await Chat.TurnsAsync(http, "three-hosts", 1);
        await Chat.SendAsync(http, "three-hosts", "ORD12345");
        var turns = (await Chat.TurnsAsync(http, "three-hosts", 2)).Turns;

        Assert.Equal(["awaiting-parameter", "completed"], turns.Select(t => t.DialogueState));
        // The webhook's span (Ingress) and every consumer's (Consumers) share one trace id.
        await HostProcess.WaitForAsync(() => Task.FromResult(otlp.Spans.Any(s => s.Service == "ingress" && s.Name.StartsWith("POST /webhooks/rest", StringComparison.Ordinal))),
            "the webhook's span", ingress);
        var webhook = otlp.Spans.First(s => s.Service == "ingress" && s.Name.StartsWith("POST /webhooks/rest", StringComparison.Ordinal));
        await Tracing.TraceAssert.ReachesEveryConsumerAsync(() => otlp.Spans.Where(s => s.TraceId == webhook.TraceId && s.Service == "consumers").Select(s => s.Name).ToList());
        // Redis commands join it too: the intake's claim on Ingress, the delivery memory on Consumers.
        var redisCommands = new[] { "EVAL", "EVALSHA", "GET", "SET", "SETEX", "SETNX" };
        var trace = otlp.Spans.Where(s => s.TraceId == webhook.TraceId).ToList();
        Assert.Contains(trace, s => s.Service == "ingress" && redisCommands.Contains(s.Name));
        Assert.Contains(trace, s => s.Service == "consumers" && redisCommands.Contains(s.Name));
        Assert.Equal("ORD12345", turns[1].Parameters["order_number"]);
        var version = turns[1].ModelVersion!;
        // Each host serves its own metrics: the webhooks on Ingress, the consumers and the model on Consumers.
        Assert.Matches(@"(?m)^chatbotpipeline_ingress_webhook_duration_seconds_count\{channel=""rest"",status=""202""\} [2-9]", await http.GetStringAsync("/metrics"));
        var consumerMetrics = await http.GetStringAsync($"{consumersUrl}/metrics");
        Assert.Matches(@"(?m)^chatbotpipeline_bus_consumed\{outcome=""succeeded"",queue=""nlu""\} [2-9]", consumerMetrics);
        Assert.Matches(@"(?m)^chatbotpipeline_nlu_models_loaded 1$", consumerMetrics);
        // Depth is read every 15 s; a queue declared after the first read shows from the next.
        await HostProcess.WaitForAsync(async () => System.Text.RegularExpressions.Regex.IsMatch(await http.GetStringAsync($"{consumersUrl}/metrics"),
            @"(?m)^chatbotpipeline_bus_queue_depth\{queue=""nlu""\} \d"), "the nlu queue depth", consumers);
        using var client = S3ClientFactory.Create(new S3ObjectsOptions { ServiceUrl = s3!, ForcePathStyle = true });
        var keys = (await client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket, Prefix = "models/demo/" })).S3Objects.Select(o => o.Key);
        Assert.Contains($"models/demo/{version}/model.bin", keys);
        Assert.Contains("models/demo/current.json", keys);
        if (virtualHost.Length > 0)
            await RabbitMqBroker.CtlAsync("delete_vhost", virtualHost);
    }

    public void Dispose() => _folder.Dispose();
}
