using Spectre.Console;
using Spectre.Console.Cli;

namespace ChatbotPipeline.Cli.Commands;

/// <summary>A command that talks to the Ingress: an API refusal is one line on stderr and exit code 1.</summary>
public abstract class ApiCommand<TSettings>(IAnsiConsole console) : AsyncCommand<TSettings> where TSettings : ApiSettings
{
    protected IAnsiConsole Console => console;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        using var api = new ApiClient(settings);
        try
        {
            return await RunAsync(api, settings, cancellationToken);
        }
        catch (ApiException refused)
        {
            Errors.WriteLine(refused.Message);
            return 1;
        }
    }

    protected abstract Task<int> RunAsync(ApiClient api, TSettings settings, CancellationToken cancellationToken);

    protected static TextWriter Errors => System.Console.Error;

    protected static string Escaped(string? text) => Markup.Escape(text ?? "");
}
