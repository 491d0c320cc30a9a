using ChatbotPipeline.Contracts;
using Microsoft.Extensions.Configuration;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>
/// <c>sqs provision</c> creates the pipeline's queues, dead-letter queues and redrive policies as <c>Bus:AmazonSqs</c>
/// names them; <c>sqs replay QUEUE [LIMIT]</c> moves dead letters back. Run through any host:
/// <c>dotnet ChatbotPipeline.Consumers.dll sqs provision</c>.
/// </summary>
public static class SqsCommands
{
    public const string Usage = "usage: sqs provision | sqs replay QUEUE [LIMIT]";

    /// <summary>The queues the pipeline's consumers read.</summary>
    public static IReadOnlyList<string> PipelineQueues => QueueNames.All;

    public static bool IsCommand(string[] args) => args is ["sqs", ..];

    /// <summary>Runs the command; the exit code is 0 on success, 2 on a usage error.</summary>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken)
    {
        var options = BusOptions.Configured(configuration).AmazonSqs;
        using var sqs = SqsClientFactory.Create(options);
        switch (args)
        {
            case ["sqs", "provision"]:
                foreach (var queue in await new SqsProvisioner(sqs, options).ProvisionAsync(PipelineQueues, cancellationToken))
                    await output.WriteLineAsync($"{queue.Queue}: {queue.Url} (dead letters: {queue.DeadLetterUrl})");
                return 0;
            case ["sqs", "replay", var queue, .. var rest] when PipelineQueues.Contains(queue) && rest.Length <= 1:
                var limit = rest is [var text] && int.TryParse(text, out var parsed) && parsed > 0 ? parsed : int.MaxValue;
                var moved = await new SqsDeadLetterReplay(sqs, options).ReplayAsync(queue, limit, cancellationToken);
                await output.WriteLineAsync($"{queue}: moved {moved} message(s) from the dead-letter queue back");
                return 0;
            default:
                await output.WriteLineAsync($"{Usage}\nqueues: {string.Join(", ", PipelineQueues)}");
                return 2;
        }
    }
}
