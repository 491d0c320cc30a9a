using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatbotPipeline.Ingress.Admin;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.ChatStream;

/// <summary>
/// Signs and checks the tokens that open a web-chat session's reply stream: <c>{expiry}.{HMAC-SHA256(bot, conversation,
/// expiry)}</c>. The conversation id is the server's (a session is issued, never named by its caller), so a token can
/// only ever open a conversation that was made for the page holding it. The key is derived from the admin key, which
/// every Ingress replica shares; changing the admin key ends every session.
/// </summary>
public sealed class ChatSessionTokens(IOptions<AdminOptions> admin, IOptions<ChatStreamOptions> options, TimeProvider time)
{
    private readonly Lazy<byte[]> _key = new(() => HMACSHA256.HashData(Encoding.UTF8.GetBytes(admin.Value.ApiKey), "chat-stream-token/v1"u8));

    /// <summary>A new session: a conversation id no one chose, and the token that opens its stream.</summary>
    public ChatSession Issue(string botId)
    {
        var conversationId = $"web-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        var expires = time.GetUtcNow().AddMinutes(options.Value.SessionMinutes);
        var expiry = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new ChatSession(conversationId, $"{expiry}.{Sign(botId, conversationId, expiry)}", expires);
    }

    /// <summary>True when the token was issued for this bot's conversation and has not expired.</summary>
    public bool Opens(string botId, string conversationId, string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || expiry < time.GetUtcNow().ToUnixTimeSeconds())
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(botId, conversationId, token[..dot]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(token[(dot + 1)..]));
    }

    private string Sign(string botId, string conversationId, string expiry) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes($"{botId}\n{conversationId}\n{expiry}")));
}

/// <summary>A web-chat session: post as <paramref name="ConversationId"/>, follow the replies with <paramref name="Token"/>.</summary>
public sealed record ChatSession(string ConversationId, string Token, DateTimeOffset ExpiresAt);
