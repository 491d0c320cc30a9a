using ChatbotPipeline.Backends;
using ChatbotPipeline.Consumers;
using ChatbotPipeline.Ingress;
using ChatbotPipeline.ServiceDefaults;
using ChatbotPipeline.ServiceDefaults.Startup;
using ChatbotPipeline.Training;

namespace ChatbotPipeline.Host;

/// <summary>
/// The all-in-one host: Ingress with the consumers and the trainer on one bus in one process — the embedded default
/// (in-memory bus, SQLite, in-process cache, a local folder for objects) and the README's first command. With a broker
/// the same three parts run as their own hosts (src/Ingress, src/Consumers, src/Training).
/// </summary>
public sealed class AllInOne
{
    private AllInOne()
    {
    }

    public static Task<int> Main(string[] args) =>
        // A wrong setting ends in one line naming the key and what it accepts, not a stack trace.
        StartupErrors.RunAsync(typeof(AllInOne).Assembly, async () =>
        {
            var builder = WebApplication.CreateBuilder(args);

            builder.AddServiceDefaults();
            builder.AddBackends();
            builder.AddConsumerServices();
            builder.AddTrainingServices();
            builder.AddIngressServices(ConsumersExtensions.AddPipelineConsumers, TrainingExtensions.AddTrainingConsumers);

            await builder.Build().UseIngress().RunAsync();
            return 0;
        });
}
