using System.Diagnostics;

namespace ChatbotPipeline.Deploy.Tests;

/// <summary>
/// The helm binary (<c>HELM</c>, which <c>.ci/services.sh</c> exports, or <c>helm</c> on the PATH) run against the
/// repository's chart. Tests are skipped when there is no helm.
/// </summary>
internal static class Helm
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Chart => Path.Combine(RepositoryRoot, "charts", "chatbot-pipeline");

    public static string KedaRabbitMqValues => Path.Combine(RepositoryRoot, "keda", "values-rabbitmq.yaml");

    public static string KedaSqsValues => Path.Combine(RepositoryRoot, "keda", "values-sqs.yaml");

    /// <summary>helm's standard output; throws with its error output when it fails.</summary>
    public static async Task<string> RunAsync(params string[] arguments)
    {
        var (exitCode, output, error) = await TryRunAsync(arguments);
        return exitCode == 0 ? output : throw new InvalidOperationException($"helm {string.Join(' ', arguments)} failed: {error}");
    }

    public static async Task<(int ExitCode, string Output, string Error)> TryRunAsync(params string[] arguments)
    {
        var helm = Binary();
        Assert.SkipWhen(helm is null, "No helm: set HELM or put helm on the PATH (.ci/services.sh installs it).");
        using var process = Process.Start(new ProcessStartInfo(helm!, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The chart rendered as release <c>chatbot</c> with the given extra arguments.</summary>
    public static Task<string> TemplateAsync(params string[] arguments) => RunAsync(["template", "chatbot", Chart, .. arguments]);

    private static string? Binary()
    {
        var configured = Environment.GetEnvironmentVariable("HELM");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "helm")).FirstOrDefault(File.Exists);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ChatbotPipeline.sln")))
                return folder.FullName;
        throw new DirectoryNotFoundException("The repository root (ChatbotPipeline.sln) is not above the test's folder.");
    }
}
