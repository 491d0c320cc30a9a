using System.Text;
using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ChatbotPipeline.Channels.Twilio;

/// <summary>
/// <c>POST /webhooks/twilio/{botId}</c>, a number's "A message comes in" webhook. Answered with empty TwiML so Twilio
/// sends nothing itself; the reply goes out through the Messages API once the bot has understood the message.
/// </summary>
public static class TwilioWebhookApi
{
    public const string EmptyTwiml = """<?xml version="1.0" encoding="UTF-8"?><Response></Response>""";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost($"/webhooks/{ChannelNames.Twilio}/{{botId}}", Receive).WithMetadata(new WebhookChannel(ChannelNames.Twilio))
            .WithSummary("Twilio SMS/WhatsApp message (X-Twilio-Signature checked)")
            .DocumentsBody<Dictionary<string, string>>("application/x-www-form-urlencoded")
            .Produces<string>(StatusCodes.Status200OK, "text/xml")
            .ProducesWebhookProblems();

    private static async Task<IResult> Receive(string botId, HttpRequest request, ChannelSettings<TwilioSettings> twilioSettings,
        IOptions<WebhookAddressOptions> address, IPlatformIntake intake, CancellationToken cancellationToken)
    {
        if (twilioSettings.For(botId).AuthToken is not { Length: > 0 } authToken)
            return PlatformResults.NotConfigured("Twilio", botId);
        if (await WebhookBody.ReadAsync(request, PlatformResults.MaxBodyBytes, cancellationToken) is not { } body)
            return PlatformResults.TooLarge();
        if (ReadForm(body) is not { } form)
            return PlatformResults.Malformed("The body is not a form (application/x-www-form-urlencoded) Twilio would send.");
        var parameters = form.SelectMany(field => field.Value.Select(value => KeyValuePair.Create(field.Key, value ?? "")));
        var check = TwilioSignature.Verify(authToken, TwilioPublicUrl.Of(request, address.Value.PublicBaseUrl), parameters, request.Headers[TwilioSignature.Header]);
        if (!check.IsValid)
            return PlatformResults.Refused(check);
        return await intake.AnswerAsync(botId, ChannelNames.Twilio, TwilioPayload.Read(form),
            TypedResults.Text(EmptyTwiml, "text/xml", Encoding.UTF8), cancellationToken);
    }

    private static Dictionary<string, StringValues>? ReadForm(byte[] body)
    {
        try
        {
            return new FormReader(Encoding.UTF8.GetString(body)).ReadForm();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
