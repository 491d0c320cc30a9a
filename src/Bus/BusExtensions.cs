using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Bus;

/// <summary>The one place the bus is configured; every host calls it with the consumers it runs.</summary>
public static class BusExtensions
{
    /// <summary>Adds MassTransit on the configured transport with kebab-case queue names and no usage telemetry.</summary>
    /// <param name="registrations">Each adds the consumers of one role (NLU, logging, training...) to the bus.</param>
    public static IHostApplicationBuilder AddPipelineBus(this IHostApplicationBuilder builder, params Action<IBusRegistrationConfigurator>[] registrations)
    {
        builder.Services.AddOptions<BusOptions>().BindConfiguration(BusOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Transport != BusTransport.RabbitMq || !string.IsNullOrWhiteSpace(o.RabbitMq.Host), "Bus:RabbitMq:Host must name the broker.")
            .ValidateOnStart();
        // Start only once every queue and binding exists: a message published earlier would find no queue to go to.
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(30);
            // When the broker connection drops, MassTransit stops each receive endpoint and waits for its consumers. A
            // consumer publishing its result waits for the connection, which is not rebuilt until the stop finishes:
            // without this, the wait ends at StopTimeout as "Consumer stop canceled" and the endpoint never receives
            // again (seen on nlu under load in the fault suite's broker stop/start). Past this, the consume token is
            // cancelled, the publish gives up, the unacknowledged message is redelivered, and the endpoint restarts.
            options.ConsumerStopTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddSingleton<ConsumerMetrics>();
        var transport = BusOptions.Configured(builder.Configuration).Transport;
        if (transport == BusTransport.RabbitMq)
        {
            // The endpoint that never came back after a broker restart was seen on RabbitMQ only (docs/RELIABILITY.md).
            builder.Services.TryAddSingleton(TimeProvider.System);
            builder.Services.AddHostedService<ReceiveEndpointWatchdog>();
            builder.Services.AddSingleton(provider => new QueueDepth.RabbitMqQueueDepth(provider.GetRequiredService<IOptions<BusOptions>>().Value.RabbitMq));
            builder.Services.AddSingleton<QueueDepth.IQueueDepthSource>(provider => provider.GetRequiredService<QueueDepth.RabbitMqQueueDepth>());
            builder.Services.AddSingleton<QueueDepth.IQueueConsumerCount>(provider => provider.GetRequiredService<QueueDepth.RabbitMqQueueDepth>());
            builder.Services.AddHostedService<QueueDepth.QueueDepthMetrics>();
        }
        if (transport == BusTransport.AmazonSqs)
            AddAmazonSqs(builder);

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit 8.4+ reports usage to the internet at start; a pipeline must not phone home.
            bus.ConfigureUsageTelemetryOptions(options => options.Enabled = false);
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConfigureEndpointsCallback(ApplyEndpointOptions);
            foreach (var register in registrations)
                register(bus);

            switch (transport)
            {
                case BusTransport.InMemory:
                    bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                    break;
                case BusTransport.RabbitMq:
                    bus.UsingRabbitMq((context, cfg) =>
                    {
                        var rabbit = context.GetRequiredService<IOptions<BusOptions>>().Value.RabbitMq;
                        cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, host =>
                        {
                            host.Username(rabbit.Username);
                            host.Password(rabbit.Password);
                            // A 202 from Ingress must mean the broker has the message.
                            host.PublisherConfirmation = true;
                        });
                        cfg.PrefetchCount = rabbit.PrefetchCount;
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                case BusTransport.AmazonSqs:
                    // The in-process bus only runs consumers (fed from SQS by SqsConsumerHost) and publishes (to SQS by the
                    // filter); it binds no endpoint to an exchange, so nothing is delivered around SQS.
                    bus.UsingInMemory((context, cfg) => cfg.UsePublishFilter(typeof(AmazonSqs.SqsPublishFilter<>), context));
                    break;
                default:
                    throw new InvalidOperationException($"Bus:Transport '{transport}' is not supported.");
            }
        });
        return builder;
    }

    private static void ApplyEndpointOptions(IRegistrationContext context, string queue, IReceiveEndpointConfigurator endpoint)
    {
        endpoint.UseConsumeFilter(typeof(ConsumerMetricsFilter<>), context);
        if (!context.GetRequiredService<IOptions<BusOptions>>().Value.Endpoints.TryGetValue(queue, out var options))
            return;
        if (options.PrefetchCount is { } prefetch)
            endpoint.PrefetchCount = prefetch;
        if (options.ConcurrentMessageLimit is { } limit)
            endpoint.ConcurrentMessageLimit = limit;
    }

    private static void AddAmazonSqs(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BusOptions>().PostConfigure(options =>
        {
            if (builder.Environment.IsDevelopment() && builder.Configuration["Bus:AmazonSqs:AutoProvision"] is null)
                options.AmazonSqs.AutoProvision = true;
        });
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<BusOptions>>().Value.AmazonSqs);
        services.AddSingleton(provider => AmazonSqs.SqsClientFactory.Create(provider.GetRequiredService<AmazonSqs.AmazonSqsOptions>()));
        services.AddSingleton<AmazonSqs.SqsPublisher>();
        services.AddSingleton<AmazonSqs.SqsSubscriptions>();
        // The consumers the registration callbacks add, known by their definitions (each pipeline consumer has one);
        // read when first resolved, after AddMassTransit has run them.
        services.AddSingleton(_ => new AmazonSqs.SqsConsumerCatalog(services
            .Where(descriptor => descriptor.ServiceType.IsGenericType && descriptor.ServiceType.GetGenericTypeDefinition() == typeof(IConsumerDefinition<>))
            .Select(descriptor => descriptor.ServiceType.GetGenericArguments()[0]).Distinct().ToList()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AmazonSqs.SqsInstanceQueues>();
        services.AddHostedService<AmazonSqs.SqsConsumerHost>();
        services.AddHostedService<AmazonSqs.SqsInstanceQueueKeeper>();
        services.AddSingleton<QueueDepth.IQueueDepthSource, QueueDepth.SqsQueueDepth>();
        services.AddHostedService<QueueDepth.QueueDepthMetrics>();
        services.AddHealthChecks().AddCheck<AmazonSqs.SqsConsumersHealthCheck>("sqs-consumers", tags: [ServiceDefaults.ServiceDefaultsExtensions.ReadyTag]);
    }
}
