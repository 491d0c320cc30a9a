using ChatbotPipeline.Channels;
using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Channels.Slack;
using ChatbotPipeline.Channels.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.Tests.Webhooks.Platforms;

public sealed class ChannelSettingsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddPlatformChannels();
        return services.BuildServiceProvider();
    }

    private static readonly Dictionary<string, string?> Shared = new()
    {
        ["Channels:Slack:SigningSecret"] = "shared-secret",
        ["Channels:Slack:BotToken"] = "xoxb-shared",
        ["Channels:Bots:support:Slack:BotToken"] = "xoxb-support",
        ["Channels:Bots:support:Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api",
        ["Channels:Bots:blank:Slack:BotToken"] = "",
    };

    [Fact]
    public void A_bots_own_values_win_and_the_rest_come_from_the_shared_settings()
    {
        using var services = Services(Shared);

        var support = services.GetRequiredService<ChannelSettings<SlackSettings>>().For("support");

        Assert.Equal(("shared-secret", "xoxb-support", "http://127.0.0.1:9/api/"), (support.SigningSecret, support.BotToken, support.ApiBase.ToString()));
    }

    [Fact]
    public void A_bot_without_overrides_or_with_blank_ones_gets_the_shared_settings_and_the_platforms_own_address()
    {
        using var services = Services(Shared);
        var slack = services.GetRequiredService<ChannelSettings<SlackSettings>>();

        foreach (var bot in new[] { "other", "blank" })
            Assert.Equal(("shared-secret", "xoxb-shared", SlackSettings.DefaultApiBaseUrl),
                (slack.For(bot).SigningSecret, slack.For(bot).BotToken, slack.For(bot).ApiBase.ToString()));
    }

    [Fact]
    public void Bot_ids_configuration_does_not_name_share_the_shared_settings_so_made_up_ids_keep_nothing()
    {
        using var services = Services(Shared);
        var slack = services.GetRequiredService<ChannelSettings<SlackSettings>>();

        Assert.Same(slack.For("made-up-1"), slack.For("made-up-2"));
        Assert.NotSame(slack.For("made-up-1"), slack.For("support"));
    }

    [Fact]
    public void An_api_address_that_is_not_an_http_url_is_refused_naming_its_key()
    {
        using var services = Services(new() { ["Channels:Bots:support:Telegram:ApiBaseUrl"] = "file:///etc/passwd" });

        var refused = Assert.Throws<OptionsValidationException>(() =>
            services.GetRequiredService<ChannelSettings<TelegramSettings>>().For("support"));

        Assert.Contains("Channels:Bots:support:Telegram:ApiBaseUrl must be an absolute http(s) URL", refused.Message);
        // What the host runs at start: every configured bot's settings built, the bad one refused.
        Assert.Throws<OptionsValidationException>(services.GetRequiredService<ChannelSettings<TelegramSettings>>().BuildAll);
    }

    [Fact]
    public void The_registered_channels_name_the_platforms_whose_prefixes_rest_senders_may_not_take()
    {
        using var services = Services([]);

        var catalog = services.GetRequiredService<ChannelCatalog>();

        Assert.Equal(["slack", "telegram", "messenger", "whatsapp", "twilio"], catalog.Names);
        Assert.Equal("whatsapp", catalog.PrefixOf("WhatsApp:123"));
        Assert.Null(catalog.PrefixOf("web-123"));
    }
}
