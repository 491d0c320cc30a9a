using System.Diagnostics;

namespace ChatbotPipeline.Deploy.Tests;

/// <summary>yamllint (<c>.yamllint</c>) over the chart's values, the KEDA overlays and every manifest the chart renders.</summary>
public sealed class YamlLintTests
{
    private static string Config => Path.Combine(Helm.RepositoryRoot, ".yamllint");

    private static async Task<(int ExitCode, string Output)> LintAsync(string? stdin, params string[] paths)
    {
        var yamllint = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "yamllint")).FirstOrDefault(File.Exists);
        Assert.SkipWhen(yamllint is null, "No yamllint on the PATH (.ci/services.sh installs it).");
        using var process = Process.Start(new ProcessStartInfo(yamllint!, ["-f", "parsable", "-c", Config, .. paths])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        if (stdin is not null)
            await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task Values_chart_and_keda_overlays_are_clean()
    {
        var (exitCode, output) = await LintAsync(null,
            Path.Combine(Helm.Chart, "values.yaml"), Path.Combine(Helm.Chart, "Chart.yaml"), Path.Combine(Helm.RepositoryRoot, "keda"));

        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("")]
    [InlineData("rabbitmq")]
    [InlineData("sqs")]
    public async Task Rendered_manifests_are_clean(string keda)
    {
        string[] arguments = keda switch
        {
            "rabbitmq" => ["-f", Helm.KedaRabbitMqValues],
            "sqs" => ["-f", Helm.KedaSqsValues, "--set-string", "keda.aws.accountId=123456789012"],
            _ => [],
        };
        var rendered = await Helm.TemplateAsync(arguments);

        var (exitCode, output) = await LintAsync(rendered, "-");

        Assert.True(exitCode == 0, output);
    }
}
