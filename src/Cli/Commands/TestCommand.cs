using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using ChatbotPipeline.Cli.Evaluation;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Intents;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ChatbotPipeline.Cli.Commands;

/// <summary>
/// <c>chatbot test BOT [--folds 5 | --test FILE | --stories FILE] [--json] [--out report.html]</c>: how well the bot's NLU
/// does on phrases it was not trained on, or (<c>--stories</c>) whether its dialogue follows Rasa test stories. The bot's phrases come from the API; the models are trained here, on this machine,
/// with the same library and settings as the trainer (as <c>rasa test nlu</c> does): cross-validation trains k models,
/// which the production trainer should not spend its time on, and needs no new API.
/// </summary>
public sealed class TestCommand(IAnsiConsole console) : ApiCommand<TestCommand.Settings>(console)
{
    public sealed class Settings : BotSettings
    {
        [CommandOption("--folds <K>")]
        [Description("Cross-validation folds (default 5).")]
        public int Folds { get; init; } = 5;

        [CommandOption("--test <FILE>")]
        [Description("Train on every phrase and test on this JSONL file ({\"text\", \"intent\"} a line) instead.")]
        public string? Test { get; init; }

        [CommandOption("--stories <FILE>")]
        [Description("Replay Rasa test stories (tests/test_stories.yml) against the bot's dialogue and model; exit 1 when one fails.")]
        public string? Stories { get; init; }

        [CommandOption("--json")]
        [Description("Print the report as JSON.")]
        public bool Json { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Also write an HTML report with the confusion matrix.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Folds < 2 ? ValidationResult.Error("--folds must be 2 or more.")
            : Test is not null && !File.Exists(Test) ? ValidationResult.Error($"No file '{Test}'.")
            : Stories is not null && !File.Exists(Stories) ? ValidationResult.Error($"No file '{Stories}'.")
            : ValidationResult.Success();
    }

    protected override async Task<int> RunAsync(ApiClient api, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Stories is not null)
            return await StoryTests.RunAsync(api, settings, Console, cancellationToken);
        var intents = (await api.GetAsync($"{settings.BotPath}/intents", cancellationToken)).Deserialize<List<Intent>>(JsonSerializerOptions.Web)!;
        var encoder = (await api.GetAsync(settings.BotPath, cancellationToken))["encoder"]?.GetValue<string>();
        var phrases = LabelledPhrases.From(intents);
        var validation = new CrossValidation(IntentTrainingSettings.Default with { Encoder = encoder ?? Nlu.Intents.Encoders.SentenceEncoders.Default });

        IReadOnlyList<Prediction> predictions;
        string method;
        if (settings.Test is { } file)
        {
            var test = File.ReadLines(file).Where(l => l.Trim().Length > 0)
                .Select(l => JsonSerializer.Deserialize<IntentExample>(l, JsonSerializerOptions.Web)!).ToList();
            predictions = await Task.Run(() => validation.Holdout(phrases, test), cancellationToken);
            method = $"trained on {phrases.Examples.Count} phrases, tested on {Path.GetFileName(file)}";
        }
        else
        {
            predictions = settings.Json
                ? await Task.Run(() => validation.Folds(phrases, settings.Folds), cancellationToken)
                : await Console.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask($"{settings.Folds}-fold cross-validation", maxValue: settings.Folds);
                    return await Task.Run(() => validation.Folds(phrases, settings.Folds, (done, _) => task.Value = done), cancellationToken);
                });
            method = $"{settings.Folds}-fold cross-validation";
        }
        var report = EvaluationReport.From(settings.Bot, method, predictions);
        if (settings.Out is { } html)
            await File.WriteAllTextAsync(html, HtmlReport.Render(report), cancellationToken);
        if (settings.Json)
            System.Console.Out.WriteLine(JsonSerializer.Serialize(report, JsonSerializerOptions.Web));
        else
            Print(report, settings.Out);
        return 0;
    }

    private void Print(EvaluationReport report, string? html)
    {
        Console.MarkupLine($"[bold]{Escaped(report.Bot)}[/]: {Escaped(report.Method)}, {report.Phrases} phrases, intent accuracy [bold]{report.Accuracy.ToString("P1", CultureInfo.InvariantCulture)}[/]" +
                           (report.Entities is { } entities ? $", entity F1 [bold]{entities.F1.ToString("F3", CultureInfo.InvariantCulture)}[/] (P {entities.Precision:F2}, R {entities.Recall:F2})" : ""));
        var table = new Table().AddColumns("Intent", "Phrases", "Precision", "Recall", "F1");
        foreach (var score in report.Intents)
            table.AddRow(Escaped(score.Name), $"{score.Support}", F(score.Precision), F(score.Recall), F(score.F1));
        Console.Write(table);
        if (report.Confusions.Count > 0)
        {
            var confused = new Table().AddColumns("Has", "Taken for", "Phrases");
            foreach (var confusion in report.Confusions.Take(10))
                confused.AddRow(Escaped(confusion.Expected), Escaped(confusion.Predicted), $"{confusion.Count}");
            Console.MarkupLine("Most confused:");
            Console.Write(confused);
        }
        if (html is not null)
            Console.MarkupLine($"HTML report with the confusion matrix: {Escaped(html)}");
    }

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
