namespace ChatbotPipeline.Contracts;

/// <summary>Where a conversation stands after a message; the values of <see cref="MessageUnderstood.DialogueState"/>.</summary>
public static class DialogueStates
{
    /// <summary>The intent had everything it needed and answered.</summary>
    public const string Completed = "completed";

    /// <summary>The intent is waiting for a required parameter; the reply is its prompt.</summary>
    public const string AwaitingParameter = "awaiting-parameter";

    /// <summary>The user cancelled the intent in progress.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Nothing was understood with enough confidence.</summary>
    public const string Fallback = "fallback";
}
