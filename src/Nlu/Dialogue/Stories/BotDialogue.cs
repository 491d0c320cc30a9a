using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>
/// What decides a bot's next action beyond intent → answer: named responses, slots, forms, custom actions, and the
/// rules and stories that say which action follows which turn (Rasa's domain, rules.yml and stories.yml). A bot without
/// one answers each intent with its own response, as ai-chatbot-framework's bots do.
/// </summary>
/// <param name="ActionEndpoint">The Rasa action server's URL (<c>endpoints.yml</c>' <c>action_endpoint</c>); custom actions go there.</param>
/// <param name="CoreFallbackThreshold">Below this probability the learned policy's action is not taken: the default fallback runs.</param>
/// <param name="SessionMinutes">Idle minutes after which a conversation starts a new session (its tracker is reset).</param>
public sealed record BotDialogue(
    IReadOnlyDictionary<string, IReadOnlyList<ResponseVariant>> Responses,
    IReadOnlyList<SlotDefinition> Slots,
    IReadOnlyList<FormDefinition> Forms,
    IReadOnlyList<string> Actions,
    IReadOnlyList<DialogueRule> Rules,
    IReadOnlyList<DialogueStory> Stories,
    string? ActionEndpoint = null,
    int SessionMinutes = 60,
    IReadOnlyDictionary<string, IntentEntityFilter>? IntentEntities = null,
    double CoreFallbackThreshold = BotDialogue.DefaultCoreFallbackThreshold)
{
    /// <summary>Rasa's RulePolicy default.</summary>
    public const double DefaultCoreFallbackThreshold = 0.3;

    public FormDefinition? FindForm(string name) => Forms.FirstOrDefault(form => form.Name == name);

    public SlotDefinition? FindSlot(string name) => Slots.FirstOrDefault(slot => slot.Name == name);
}

/// <summary>One variation of a named response: text with <c>{slot}</c> placeholders, buttons, an image, shown when its
/// slot conditions hold and, if it names one, only on that channel.</summary>
public sealed record ResponseVariant(
    string? Text,
    IReadOnlyList<ReplyButton>? Buttons = null,
    string? Image = null,
    IReadOnlyDictionary<string, string?>? Condition = null,
    string? Channel = null,
    string? Custom = null);

/// <summary>A slot: its type, initial value and how it is filled from a message.</summary>
public sealed record SlotDefinition(string Name, string Type, IReadOnlyList<SlotMapping> Mappings, string? InitialValue = null, bool InfluenceConversation = true);

/// <summary>
/// How a slot is filled: <c>from_entity</c> (an entity, optionally with role/group), <c>from_intent</c> (a value when an
/// intent is said), <c>from_text</c> (the whole message), <c>from_trigger_intent</c> (a value when a form is triggered).
/// <paramref name="Intents"/>/<paramref name="NotIntents"/> restrict it; <paramref name="ActiveLoop"/> and
/// <paramref name="RequestedSlot"/> are its conditions.
/// </summary>
public sealed record SlotMapping(
    string Type,
    string? Entity = null,
    string? Value = null,
    IReadOnlyList<string>? Intents = null,
    IReadOnlyList<string>? NotIntents = null,
    string? ActiveLoop = null,
    string? RequestedSlot = null,
    string? Role = null,
    string? Group = null);

/// <summary>A form: the slots it asks for in order, and intents said inside it that do not fill them.</summary>
public sealed record FormDefinition(string Name, IReadOnlyList<string> RequiredSlots, IReadOnlyList<string> IgnoredIntents);

/// <summary>Which entities an intent's messages use (<c>use_entities</c>/<c>ignore_entities</c>); null lists mean all.</summary>
public sealed record IntentEntityFilter(IReadOnlyList<string>? Use, IReadOnlyList<string>? Ignore)
{
    public bool Allows(string entity) => (Use is null || Use.Contains(entity)) && (Ignore is null || !Ignore.Contains(entity));
}

/// <summary>A rule: when its <paramref name="Condition"/> holds and the conversation ends with its steps' beginning, the
/// next step's action runs. After its last step the bot listens, unless <paramref name="WaitForUserInput"/> is false.</summary>
public sealed record DialogueRule(string Name, IReadOnlyList<DialogueStep> Condition, IReadOnlyList<DialogueStep> Steps, bool WaitForUserInput = true,
    bool ConversationStart = false);

/// <summary>A story: an example conversation; <c>checkpoint</c> steps join stories together.</summary>
public sealed record DialogueStory(string Name, IReadOnlyList<DialogueStep> Steps);

/// <summary>
/// One step of a rule or story: a user turn (<paramref name="Intent"/>, or any of <paramref name="Or"/>, with its
/// entities), a bot action, an active loop change (<paramref name="LoopChanged"/>: null <paramref name="ActiveLoop"/>
/// ends it), slots that were set, a checkpoint, or <c>...</c> (<paramref name="Anything"/>).
/// </summary>
public sealed record DialogueStep(
    string? Intent = null,
    string? Action = null,
    string? ActiveLoop = null,
    bool LoopChanged = false,
    IReadOnlyDictionary<string, string?>? SlotWasSet = null,
    IReadOnlyList<string>? Or = null,
    string? Checkpoint = null,
    bool Anything = false,
    string? User = null,
    IReadOnlyDictionary<string, string?>? Entities = null);
