using ChatbotPipeline.Backends;
using ChatbotPipeline.ServiceDefaults;
using ChatbotPipeline.ServiceDefaults.Bus;
using ChatbotPipeline.Training;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBackends();
builder.AddTrainingServices();
builder.AddPipelineBus(TrainingExtensions.AddTrainingConsumers);

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();

/// <summary>The Training host; internal so it never clashes with the Ingress host that references it.</summary>
internal partial class Program;
