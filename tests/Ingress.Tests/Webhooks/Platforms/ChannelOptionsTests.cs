using ChatbotPipeline.ServiceDefaults.Channels;

namespace ChatbotPipeline.Ingress.Tests.Webhooks.Platforms;

public sealed class ChannelOptionsTests
{
    private static readonly ChannelOptions Options = new()
    {
        Slack = new SlackSettings { SigningSecret = "shared-secret", BotToken = "xoxb-shared" },
        Bots = { ["support"] = new BotChannels { Slack = new SlackSettings { BotToken = "xoxb-support", ApiBaseUrl = "http://127.0.0.1:9/api" } } },
    };

    [Fact]
    public void A_bots_own_values_win_and_the_rest_come_from_the_shared_settings()
    {
        var support = Options.SlackFor("support");

        Assert.Equal(("shared-secret", "xoxb-support", "http://127.0.0.1:9/api/"), (support.SigningSecret, support.BotToken, support.ApiBase.ToString()));
    }

    [Fact]
    public void A_bot_without_overrides_gets_the_shared_settings_and_the_platforms_own_address()
    {
        var other = Options.SlackFor("other");

        Assert.Equal(("shared-secret", "xoxb-shared", SlackSettings.DefaultApiBaseUrl), (other.SigningSecret, other.BotToken, other.ApiBase.ToString()));
    }
}
