using System.Text;
using ChatbotPipeline.Channels.Meta;
using ChatbotPipeline.Channels.Slack;
using ChatbotPipeline.Channels.Telegram;
using ChatbotPipeline.Channels.Twilio;
using ChatbotPipeline.Channels.Verification;

namespace ChatbotPipeline.Ingress.Tests.Webhooks.Verification;

/// <summary>Known answers from the platforms' own documentation, then forged, stale, missing and wrong-secret requests.</summary>
public sealed class SignatureVerifierTests
{
    // api.slack.com/authentication/verifying-requests-from-slack, the worked example.
    private const string SlackSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string SlackTimestamp = "1531420618";
    private const string SlackBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string SlackExpected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset SlackNow = DateTimeOffset.FromUnixTimeSeconds(1531420618).AddSeconds(30);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Slack_documented_example_computes_and_verifies()
    {
        Assert.Equal(SlackExpected, SlackSignature.Compute(SlackSecret, SlackTimestamp, Bytes(SlackBody)));
        Assert.True(SlackSignature.Verify(SlackSecret, SlackTimestamp, SlackExpected, Bytes(SlackBody), SlackNow).IsValid);
    }

    [Theory]
    [InlineData("forged body", SlackSecret, SlackTimestamp, SlackExpected, SlackBody + "&x=1", 0, SignatureStatus.Invalid)]
    [InlineData("wrong secret", "another-secret", SlackTimestamp, SlackExpected, SlackBody, 0, SignatureStatus.Invalid)]
    [InlineData("stale: six minutes later", SlackSecret, SlackTimestamp, SlackExpected, SlackBody, 360, SignatureStatus.Invalid)]
    [InlineData("from the future", SlackSecret, SlackTimestamp, SlackExpected, SlackBody, -360, SignatureStatus.Invalid)]
    [InlineData("replayed with a fresh timestamp", SlackSecret, "1531420619", SlackExpected, SlackBody, 0, SignatureStatus.Invalid)]
    [InlineData("no signature", SlackSecret, SlackTimestamp, null, SlackBody, 0, SignatureStatus.Missing)]
    [InlineData("no timestamp", SlackSecret, null, SlackExpected, SlackBody, 0, SignatureStatus.Missing)]
    [InlineData("not hex", SlackSecret, SlackTimestamp, "v0=zz", SlackBody, 0, SignatureStatus.Missing)]
    [InlineData("other version", SlackSecret, SlackTimestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SlackBody, 0, SignatureStatus.Missing)]
    [InlineData("timestamp not a number", SlackSecret, "yesterday", SlackExpected, SlackBody, 0, SignatureStatus.Missing)]
    public void Slack_refuses(string why, string secret, string? timestamp, string? signature, string body, int secondsLater, SignatureStatus status)
    {
        var check = SlackSignature.Verify(secret, timestamp, signature, Bytes(body), DateTimeOffset.FromUnixTimeSeconds(1531420618).AddSeconds(secondsLater));

        Assert.True(status == check.Status, why);
        Assert.Equal(status == SignatureStatus.Missing ? 401 : 403, check.HttpStatus);
        Assert.False(string.IsNullOrEmpty(check.Reason));
    }

    // docs.github.com "Validating webhook deliveries": the same X-Hub-Signature-256 scheme Meta uses.
    [Fact]
    public void Meta_x_hub_signature_256_matches_the_published_vector()
    {
        const string expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        Assert.Equal(expected, MetaSignature.Compute("It's a Secret to Everybody", Bytes("Hello, World!")));
        Assert.True(MetaSignature.Verify("It's a Secret to Everybody", expected, Bytes("Hello, World!")).IsValid);
    }

    [Theory]
    [InlineData("forged body", "It's a Secret to Everybody", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "Hello, World?", SignatureStatus.Invalid)]
    [InlineData("wrong secret", "another secret", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "Hello, World!", SignatureStatus.Invalid)]
    [InlineData("sha1 header value", "It's a Secret to Everybody", "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59", "Hello, World!", SignatureStatus.Missing)]
    [InlineData("missing", "It's a Secret to Everybody", null, "Hello, World!", SignatureStatus.Missing)]
    [InlineData("upper-case hex of the wrong length", "It's a Secret to Everybody", "sha256=757107EA", "Hello, World!", SignatureStatus.Missing)]
    public void Meta_refuses(string why, string secret, string? signature, string body, SignatureStatus status)
    {
        Assert.True(status == MetaSignature.Verify(secret, signature, Bytes(body)).Status, why);
    }

    // twilio.com/docs/usage/security, the worked example.
    private static readonly KeyValuePair<string, string>[] TwilioParameters =
    [
        new("To", "+18005551212"), new("CallSid", "CA1234567890ABCDE"), new("Digits", "1234"), new("From", "+12349013030"), new("Caller", "+12349013030"),
    ];

    [Fact]
    public void Twilio_documented_example_computes_and_verifies_whatever_the_parameter_order()
    {
        const string url = "https://mycompany.com/myapp.php?foo=1&bar=2";

        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.Compute("12345", url, TwilioParameters));
        Assert.True(TwilioSignature.Verify("12345", url, TwilioParameters.Reverse(), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=").IsValid);
    }

    [Theory]
    [InlineData("another URL", "12345", "https://mycompany.com/myapp.php?foo=1&bar=3", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", SignatureStatus.Invalid)]
    [InlineData("http instead of https", "12345", "http://mycompany.com/myapp.php?foo=1&bar=2", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", SignatureStatus.Invalid)]
    [InlineData("wrong auth token", "54321", "https://mycompany.com/myapp.php?foo=1&bar=2", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", SignatureStatus.Invalid)]
    [InlineData("missing", "12345", "https://mycompany.com/myapp.php?foo=1&bar=2", null, SignatureStatus.Missing)]
    [InlineData("not base64", "12345", "https://mycompany.com/myapp.php?foo=1&bar=2", "!!!", SignatureStatus.Missing)]
    [InlineData("a byte short", "12345", "https://mycompany.com/myapp.php?foo=1&bar=2", "0/KCTR6DLpKmkAf8muzZqo1nD", SignatureStatus.Missing)]
    public void Twilio_refuses(string why, string token, string url, string? signature, SignatureStatus status)
    {
        Assert.True(status == TwilioSignature.Verify(token, url, TwilioParameters, signature).Status, why);
    }

    [Fact]
    public void Twilio_refuses_a_changed_parameter()
    {
        var tampered = TwilioParameters.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "9999") : p);

        Assert.Equal(SignatureStatus.Invalid, TwilioSignature.Verify("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", tampered, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=").Status);
    }

    [Theory]
    [InlineData("s3cr3t-token_ABC", SignatureStatus.Valid)]
    [InlineData("s3cr3t-token_ABD", SignatureStatus.Invalid)]
    [InlineData("s3cr3t-token_AB", SignatureStatus.Invalid)]
    [InlineData("", SignatureStatus.Missing)]
    [InlineData(null, SignatureStatus.Missing)]
    public void Telegram_secret_token_is_compared_whole(string? given, SignatureStatus status)
    {
        Assert.Equal(status, TelegramSecretToken.Verify("s3cr3t-token_ABC", given).Status);
    }
}
