namespace ChatbotPipeline.Training;

/// <summary>One reason to train a bot.</summary>
/// <param name="Force">Train even when the data has not changed since the current model.</param>
/// <param name="OverrideGate">Publish even if held-out accuracy dropped more than allowed (the size budget still holds).</param>
/// <param name="Trigger">What asked: <see cref="Triggers"/>.</param>
public sealed record TrainingRequest(string BotId, bool Force, bool OverrideGate = false, string Trigger = Triggers.Request);

/// <summary>The triggers a training run records.</summary>
public static class Triggers
{
    public const string Request = "request";
    public const string Schedule = "schedule";
}
