using ChatbotPipeline.Backends;
using ChatbotPipeline.Bus;
using ChatbotPipeline.Bus.AmazonSqs;
using ChatbotPipeline.Consumers;
using ChatbotPipeline.ServiceDefaults;
using ChatbotPipeline.ServiceDefaults.Startup;

// `sqs provision` / `sqs replay QUEUE`: queue administration with this host's configuration, then exit.
if (SqsCommands.IsCommand(args))
{
    var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
    return await SqsCommands.RunAsync(args, configuration, Console.Out, CancellationToken.None);
}

// A wrong setting ends in one line naming the key and what it accepts, not a stack trace.
return await StartupErrors.RunAsync(typeof(Program).Assembly, async () =>
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddServiceDefaults();
    builder.AddBackends();
    builder.AddConsumerServices();
    builder.AddPipelineBus(builder.SelectedConsumers());

    var app = builder.Build();
    // Settings are checked before anything starts, so a wrong one is the only line printed (no bus start and stop around it).
    app.ValidateSettings();

    app.MapDefaultEndpoints();

    await app.RunAsync();
    return 0;
});

/// <summary>The Consumers host; internal so it never clashes with the Ingress host that references it.</summary>
internal partial class Program;
