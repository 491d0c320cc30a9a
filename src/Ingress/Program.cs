using ChatbotPipeline.Backends;
using ChatbotPipeline.Ingress;
using ChatbotPipeline.ServiceDefaults;
using ChatbotPipeline.ServiceDefaults.Startup;

// The thin Ingress: webhooks, pages and the admin API; the consumers and the trainer run in their own hosts
// (src/Consumers, src/Training), or with it in the all-in-one host (src/Host).
// A wrong setting ends in one line naming the key and what it accepts, not a stack trace.
return await StartupErrors.RunAsync(typeof(Program).Assembly, async () =>
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddServiceDefaults();
    builder.AddBackends();
    builder.AddIngressServices();

    await builder.Build().UseIngress().RunAsync();
    return 0;
});

/// <summary>The thin Ingress host; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
