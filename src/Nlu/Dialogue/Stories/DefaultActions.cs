namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>Rasa's default actions, which every dialogue has without declaring them.</summary>
public static class DefaultActions
{
    public const string Listen = "action_listen";
    public const string Restart = "action_restart";
    public const string SessionStart = "action_session_start";
    public const string DefaultFallback = "action_default_fallback";
    public const string DeactivateLoop = "action_deactivate_loop";
    /// <summary>Rasa 2's name of <see cref="DeactivateLoop"/>, still written in many stories.</summary>
    public const string DeactivateForm = "action_deactivate_form";
    public const string UnlikelyIntent = "action_unlikely_intent";
    public const string ExtractSlots = "action_extract_slots";

    /// <summary>The intent Rasa gives a message the NLU is not confident about.</summary>
    public const string NluFallbackIntent = "nlu_fallback";

    /// <summary>The intent of <c>/restart</c>.</summary>
    public const string RestartIntent = "restart";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Listen, Restart, SessionStart, DefaultFallback, DeactivateLoop, DeactivateForm, UnlikelyIntent, ExtractSlots,
        "action_two_stage_fallback", "action_back", "action_default_ask_affirmation", "action_default_ask_rephrase", "utter_default",
    };
}
