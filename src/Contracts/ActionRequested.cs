namespace ChatbotPipeline.Contracts;

/// <summary>
/// An intent with an API call has everything it needs: the action consumer makes the call and answers. The verdict
/// travels without replies; they are rendered once the API's answer (the template's <c>result</c>) is known.
/// </summary>
public sealed record ActionRequested(MessageUnderstood Understood);
