namespace ChatbotPipeline.Nlu.Intents;

/// <summary>The row ML.NET trains and predicts on; public fields because ML.NET maps them by reflection.</summary>
internal sealed class IntentInputRow
{
    public string Text = "";
    public string Label = "";
}

/// <summary>The model's output row: one probability per intent, in the order of the label slot names.</summary>
internal sealed class IntentOutputRow
{
    public float[] Score = [];
}
