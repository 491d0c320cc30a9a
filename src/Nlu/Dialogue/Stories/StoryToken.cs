namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>
/// One position of a rule or story as the predictor compares it with a conversation: a user intent (any of several for
/// <c>or</c>), an action, an active-loop change, <c>...</c> (any number of positions), or slot values that must hold
/// (which take no position of their own).
/// </summary>
public sealed record StoryToken(StoryTokenKind Kind, IReadOnlyList<string> Names, IReadOnlyDictionary<string, string?>? Slots = null)
{
    public static StoryToken Listen { get; } = Action(DefaultActions.Listen);

    public static StoryToken Action(string name) => new(StoryTokenKind.Action, [Normalize(name)]);

    public static StoryToken Intent(params string[] names) => new(StoryTokenKind.Intent, names);

    public static StoryToken Loop(string? name) => new(StoryTokenKind.Loop, [name ?? ""]);

    public bool IsAction(string name) => Kind == StoryTokenKind.Action && Names[0] == Normalize(name);

    /// <summary>Rasa 2 wrote <c>action_deactivate_form</c>; both mean ending the active loop.</summary>
    public static string Normalize(string action) => action == DefaultActions.DeactivateForm ? DefaultActions.DeactivateLoop : action;
}

public enum StoryTokenKind
{
    Intent,
    Action,
    Loop,
    Any,
    Slots,
}
