using ChatbotPipeline.Backends;
using ChatbotPipeline.Consumers;
using ChatbotPipeline.ServiceDefaults;
using ChatbotPipeline.ServiceDefaults.Bus;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBackends();
builder.AddConsumerServices();
builder.AddPipelineBus(builder.SelectedConsumers());

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();

/// <summary>The Consumers host; internal so it never clashes with the Ingress host that references it.</summary>
internal partial class Program;
