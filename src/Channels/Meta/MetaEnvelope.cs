namespace ChatbotPipeline.Channels.Meta;

/// <summary>A Meta webhook: one <c>object</c> kind and a batch of entries, each for one page or WhatsApp business account.</summary>
public sealed record MetaEnvelope(string? Object, List<MetaEntry?>? Entry);

/// <summary>Messenger entries carry <c>messaging</c> events, WhatsApp entries <c>changes</c>.</summary>
public sealed record MetaEntry(string? Id, List<MessengerEvent?>? Messaging, List<WhatsAppChange?>? Changes);
