using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Intents;
using ChatbotPipeline.Nlu.Templates;

namespace ChatbotPipeline.Nlu.Dialogue;

/// <summary>
/// Decides the bot's answer from the classified intent, the entities found and the conversation's context:
/// slot filling with prompts, <c>cancel</c>, and the fallback when the prediction is not confident or is ambiguous.
/// Every answer has at least one message: a template that renders to nothing is answered with the bot's fallback.
/// </summary>
public sealed class DialoguePolicy(ResponseRenderer renderer)
{
    /// <summary>Decides the answer; <paramref name="prediction"/> is null when the bot has no model yet.</summary>
    /// <param name="channel">What the channel knows of the user (a template's <c>context</c>).</param>
    /// <param name="text">The message as said: a short answer to a prompt fills the parameter asked for.</param>
    public DialogueOutcome Decide(BotDefinition bot, IntentPrediction? prediction, IReadOnlyList<ExtractedEntity> entities, ConversationContext context,
        IReadOnlyDictionary<string, string>? channel = null, string? text = null)
    {
        var say = new Speaker(renderer, bot, channel ?? Empty);
        var outcome = Decide(say, bot, prediction, entities, context, text);
        // A response that rendered to nothing was answered with the fallback: that is no answer, whatever the intent.
        return say.FellBack && outcome.State == DialogueStates.Completed ? outcome with { State = DialogueStates.Fallback } : outcome;
    }

    private static DialogueOutcome Decide(Speaker say, BotDefinition bot, IntentPrediction? prediction, IReadOnlyList<ExtractedEntity> entities,
        ConversationContext context, string? text)
    {
        var confident = prediction is not null && bot.Bot.ToFallbackPolicy().Accepts(prediction)
            ? bot.FindIntent(prediction.Top.Intent)
            : null;

        // An answer to the bot's prompt wins over everything else the message might look like.
        var pending = context.IntentId is null ? null : bot.FindIntent(context.IntentId);
        // Only a message that is not confidently something else answers the prompt with whatever it said.
        var answering = confident is null || confident.IntentId == pending?.IntentId;
        var pendingParameters = pending is null ? null
            : Fill(pending, context.Parameters, entities, answering ? PromptAnswer.For(pending, context.AwaitingParameter, entities, text) : null);
        if (pending is not null && pendingParameters!.Count > context.Parameters.Count)
            return Continue(say, pending, pendingParameters);

        if (confident?.IntentId == SystemIntents.Cancel)
            return new DialogueOutcome(SystemIntents.Cancel, DialogueStates.Cancelled, Empty,
                say.Render(confident.SpeechResponse, context.Parameters, confident.IntentId), ConversationContext.Empty);

        // Still waiting and nothing else was said with confidence: ask again — a few times, then say so and offer to cancel.
        if (pending is not null && (confident is null || confident.IntentId == pending.IntentId))
            return AskAgain(say, bot, pending, pendingParameters!, context);

        if (confident is null)
            return new DialogueOutcome(SystemIntents.Fallback, DialogueStates.Fallback, context.Parameters, say.Fallback(context.Parameters), context,
                bot.FindIntent(SystemIntents.Fallback)?.Buttons);

        return Continue(say, confident, Fill(confident, Empty, entities, null));
    }

    private static DialogueOutcome AskAgain(Speaker say, BotDefinition bot, Intent intent, IReadOnlyDictionary<string, string> parameters, ConversationContext context)
    {
        var asked = Continue(say, intent, parameters);
        if (context.AwaitingParameter is null || asked.NextContext.AwaitingParameter != context.AwaitingParameter)
            return asked;
        var reprompts = context.Reprompts + 1;
        if (reprompts <= bot.Bot.MaxReprompts)
            return asked with { NextContext = asked.NextContext with { Reprompts = reprompts } };
        var name = context.AwaitingParameter.Replace('_', ' ');
        if (reprompts == bot.Bot.MaxReprompts + 1)
            return asked with
            {
                Replies = [$"I still don't have the {name}. Tell me again, or say \"cancel\" to stop."],
                NextContext = asked.NextContext with { Reprompts = reprompts },
                Buttons = [new ReplyButton("Cancel", $"/{SystemIntents.Cancel}")],
            };
        // It was offered: stop asking rather than loop.
        return new DialogueOutcome(SystemIntents.Fallback, DialogueStates.Fallback, Empty, say.Fallback(Empty), ConversationContext.Empty);
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static DialogueOutcome Continue(Speaker say, Intent intent, IReadOnlyDictionary<string, string> parameters)
    {
        var missing = intent.Parameters.FirstOrDefault(p => p.Required && !parameters.ContainsKey(p.Name));
        if (missing is null)
            return new DialogueOutcome(intent.IntentId, DialogueStates.Completed, parameters,
                say.Render(intent.SpeechResponse, parameters, intent.IntentId), ConversationContext.Empty, intent.Buttons);

        var prompt = missing.Prompt is { Length: > 0 } p ? p : $"What is the {missing.Name.Replace('_', ' ')}?";
        return new DialogueOutcome(intent.IntentId, DialogueStates.AwaitingParameter, parameters,
            say.Render(prompt, parameters, $"{intent.IntentId} (prompt of {missing.Name})"), new ConversationContext(intent.IntentId, parameters, missing.Name));
    }

    /// <summary>Renders templates for one message; what renders to nothing becomes the bot's fallback message.</summary>
    private sealed class Speaker(ResponseRenderer renderer, BotDefinition bot, IReadOnlyDictionary<string, string> channel)
    {
        /// <summary>True once a template rendered to nothing and the fallback answered for it.</summary>
        public bool FellBack { get; private set; }

        public IReadOnlyList<string> Render(string template, IReadOnlyDictionary<string, string> parameters, string intentId)
        {
            if (renderer.Render(template, new TemplateModel(parameters, channel), Site(intentId)) is { Count: > 0 } messages)
                return messages;
            FellBack = true;
            return Fallback(parameters);
        }

        private string Site(string intentId) => $"bot {bot.Bot.Id}, intent {intentId}";

        public IReadOnlyList<string> Fallback(IReadOnlyDictionary<string, string> parameters)
        {
            var own = bot.FindIntent(SystemIntents.Fallback)?.SpeechResponse;
            return own is { Length: > 0 } && renderer.Render(own, new TemplateModel(parameters, channel), Site(SystemIntents.Fallback)) is { Count: > 0 } messages
                ? messages
                : renderer.Render(SystemIntents.DefaultFallbackResponse, TemplateModel.Empty);
        }
    }

    private static Dictionary<string, string> Fill(Intent intent, IReadOnlyDictionary<string, string> known, IReadOnlyList<ExtractedEntity> entities,
        PromptAnswer? answer)
    {
        var parameters = new Dictionary<string, string>(known);
        var used = new HashSet<ExtractedEntity>();
        if (answer is not null && !parameters.ContainsKey(answer.Parameter))
        {
            parameters[answer.Parameter] = answer.Value;
            if (answer.From is not null)
                used.Add(answer.From);
        }
        foreach (var parameter in intent.Parameters.Where(p => !parameters.ContainsKey(p.Name)))
        {
            var match = entities.FirstOrDefault(e => !used.Contains(e) && (e.Entity == parameter.Type || e.Entity == parameter.Name));
            if (match is null)
                continue;
            used.Add(match);
            parameters[parameter.Name] = match.Value;
        }
        return parameters;
    }
}
