using ChatbotPipeline.Backends;
using ChatbotPipeline.Bus;
using ChatbotPipeline.ServiceDefaults;
using ChatbotPipeline.ServiceDefaults.Startup;
using ChatbotPipeline.Training;

// A wrong setting ends in one line naming the key and what it accepts, not a stack trace.
return await StartupErrors.RunAsync(typeof(Program).Assembly, async () =>
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddServiceDefaults();
    builder.AddBackends();
    builder.AddTrainingServices();
    builder.AddPipelineBus(TrainingExtensions.AddTrainingConsumers);

    var app = builder.Build();
    // Settings are checked before anything starts, so a wrong one is the only line printed (no bus start and stop around it).
    app.ValidateSettings();

    app.MapDefaultEndpoints();

    await app.RunAsync();
    return 0;
});

/// <summary>The Training host; internal so it never clashes with the Ingress host that references it.</summary>
internal partial class Program;
