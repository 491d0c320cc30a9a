namespace ChatbotPipeline.Consumers.Notifications;

/// <summary>The callback endpoint refused the reply for good (a 4xx other than 408 or 429); retrying cannot help.</summary>
public sealed class CallbackRejectedException(Uri callback, int statusCode)
    : Exception($"Callback {callback.GetLeftPart(UriPartial.Path)} rejected the reply with HTTP {statusCode}.");
