using System.Text.RegularExpressions;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Templates.Limits;

namespace ChatbotPipeline.Ingress.Admin;

/// <summary>Checks what the admin API is given, returning every problem at once, keyed by field.</summary>
public static partial class BotValidation
{
    public static Dictionary<string, string[]> Check(Bot bot)
    {
        var errors = new Errors();
        errors.When(!BotIdPattern().IsMatch(bot.Id ?? ""), "id", "Use 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit.");
        errors.When(string.IsNullOrWhiteSpace(bot.Name), "name", "A bot needs a name.");
        errors.When(bot.FallbackThreshold is < 0 or > 1, "fallbackThreshold", "Use a probability between 0 and 1.");
        errors.When(bot.AmbiguityMargin is < 0 or > 1, "ambiguityMargin", "Use a probability difference between 0 and 1.");
        errors.When(bot.RetentionDays is < 1 or > 36_500, "retentionDays", "Use 1 to 36500 days, or leave it out to keep turns for good.");
        errors.When(bot.ContextMinutes is < 1 or > 10_080, "contextMinutes", "Use 1 to 10080 minutes.");
        errors.When(bot.MaxReprompts is < 0 or > 10, "maxReprompts", "Use 0 to 10 times.");
        errors.When(bot.Encoder is not null && !Nlu.Intents.Encoders.SentenceEncoders.Names.Contains(bot.Encoder), "encoder",
            $"Use one of {string.Join(", ", Nlu.Intents.Encoders.SentenceEncoders.Names)} (or leave it out for {Nlu.Intents.Encoders.SentenceEncoders.Default}).");
        CheckTemplate(errors, "actionFailureResponse", bot.ActionFailureResponse);
        errors.When(bot.TrainingCron is not null && !Quartz.CronExpression.TryParse(bot.TrainingCron, out _), "trainingCron",
            "Use a Quartz cron expression (seconds minutes hours day-of-month month day-of-week), e.g. \"0 0 3 * * ?\".");
        return errors.Result;
    }

    public static Dictionary<string, string[]> Check(Intent intent)
    {
        var errors = new Errors();
        errors.When(!IntentPattern().IsMatch(intent.IntentId ?? ""), "intentId", NameRule + " A retrieval intent may have one '/' (faq/ask_name).");
        errors.When(string.IsNullOrWhiteSpace(intent.Name), "name", "An intent needs a name.");
        errors.When(intent.Parameters is null || intent.TrainingData is null, "intent", "parameters and trainingData must be lists (they may be empty).");
        CheckTemplate(errors, "speechResponse", intent.SpeechResponse);
        for (var i = 0; i < (intent.Parameters?.Count ?? 0); i++)
        {
            var parameter = intent.Parameters![i];
            errors.When(string.IsNullOrWhiteSpace(parameter.Name), $"parameters[{i}].name", "A parameter needs a name.");
            errors.When(string.IsNullOrWhiteSpace(parameter.Type), $"parameters[{i}].type", "A parameter needs the entity type that fills it.");
            CheckTemplate(errors, $"parameters[{i}].prompt", parameter.Prompt);
        }
        if (intent.ApiDetails is { } api)
        {
            CheckTemplate(errors, "apiDetails.url", api.Url);
            CheckTemplate(errors, "apiDetails.jsonData", api.JsonData);
            for (var i = 0; i < (api.Headers?.Count ?? 0); i++)
                CheckTemplate(errors, $"apiDetails.headers[{i}]", api.Headers![i].HeaderValue);
        }
        for (var i = 0; i < (intent.TrainingData?.Count ?? 0); i++)
        {
            var phrase = intent.TrainingData![i];
            errors.When(string.IsNullOrWhiteSpace(phrase.Text), $"trainingData[{i}].text", "A training phrase needs text.");
            foreach (var entity in phrase.Entities ?? [])
                errors.When(entity.Begin < 0 || entity.End > (phrase.Text?.Length ?? 0) || entity.Begin >= entity.End,
                    $"trainingData[{i}].entities", $"Entity '{entity.Name}' spans [{entity.Begin}, {entity.End}), outside the phrase.");
        }
        return errors.Result;
    }

    public static Dictionary<string, string[]> Check(EntityType entity)
    {
        var errors = new Errors();
        errors.When(!NamePattern().IsMatch(entity.Name ?? ""), "name", NameRule);
        errors.When(entity.Values is null || entity.Patterns is null, "entity", "values and patterns must be lists (they may be empty).");
        foreach (var pattern in entity.Patterns ?? [])
            errors.When(!Compiles(pattern), "patterns", $"'{pattern}' is not a valid regular expression.");
        return errors.Result;
    }

    /// <summary>Size and nesting are errors (a template past them could stop the process that parses it); a template
    /// that is merely not valid Liquid is an import warning, and answers with the fallback.</summary>
    private static void CheckTemplate(Errors errors, string field, string? template)
    {
        if (template is not null && TemplatePrecheck.Refusal(template, TemplateLimits.Default) is { } refusal)
            errors.When(true, field, refusal);
    }

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private const string NameRule = "Use 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit.";

    /// <summary>Bot ids become object-store keys and URL segments: kept to a safe alphabet.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex BotIdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex NamePattern();

    /// <summary>Rasa's retrieval intents are named <c>faq/ask_name</c>: the base intent, a slash, the sub-intent.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}(/[A-Za-z0-9][A-Za-z0-9_.-]{0,63})?$")]
    private static partial Regex IntentPattern();

    private sealed class Errors
    {
        public Dictionary<string, string[]> Result { get; } = [];

        public void When(bool failed, string field, string message)
        {
            if (failed)
                Result[field] = Result.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        }
    }
}
