namespace ChatbotPipeline.Nlu.Intents;

/// <summary>One labelled utterance to train or evaluate an intent model on.</summary>
public sealed record IntentExample(string Text, string Intent);
