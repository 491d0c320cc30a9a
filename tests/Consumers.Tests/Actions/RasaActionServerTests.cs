using System.Net;
using System.Text;
using ChatbotPipeline.Consumers.Actions;
using ChatbotPipeline.Nlu.Dialogue.Stories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Tests.Actions;

/// <summary>An action server's answer is untrusted: JSON of the wrong shape fails the action, it does not fail the message.</summary>
public sealed class RasaActionServerTests
{
    [Theory]
    [InlineData("""{"events": {"event": "slot"}}""")]
    [InlineData("""{"events": [{"event": "slot", "name": 42, "value": 1}]}""")]
    [InlineData("""{"responses": [{"response": ["utter_x"]}]}""")]
    [InlineData("not json")]
    public async Task An_answer_of_the_wrong_shape_is_a_failed_action_with_a_reason(string answer)
    {
        var http = new HttpClient(new Answering(answer));
        var server = new RasaActionServer(new ActionCaller(http, Options.Create(new ActionOptions()), NullLogger<ActionCaller>.Instance));
        var dialogue = new BotDialogue(new Dictionary<string, IReadOnlyList<ResponseVariant>>(), [], [], ["action_x"], [], []);
        var call = new CustomActionCall("bot", "http://actions.test/webhook", "action_x", "user", "m1", DialogueTracker.Start(dialogue), dialogue,
            ["greet"], "hi", [], 0.9, ["actions.test:80"]);

        var result = await server.RunAsync(call, TestContext.Current.CancellationToken);

        Assert.NotNull(result.Error);
        Assert.Empty(result.Events);
    }

    private sealed class Answering(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
