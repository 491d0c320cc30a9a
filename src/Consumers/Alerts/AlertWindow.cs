namespace ChatbotPipeline.Consumers.Alerts;

/// <summary>Fixed windows on the clock, so every replica counts an incident into the same cache keys.</summary>
internal static class AlertWindow
{
    public static string Key(DateTimeOffset now, int minutes) =>
        (now.ToUnixTimeSeconds() / (minutes * 60L)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
