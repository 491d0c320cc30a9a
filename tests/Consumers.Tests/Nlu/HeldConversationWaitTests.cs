using ChatbotPipeline.Consumers.Actions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatbotPipeline.Consumers.Tests.Nlu;

/// <summary>A message held behind an action waits in NLU at least as long as the action may run, whatever the settings.</summary>
public sealed class HeldConversationWaitTests
{
    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(3, 5, 500)]
    [InlineData(10, 60, 500)]
    [InlineData(5, 120, 5_000)]
    public void Nlu_waits_longer_than_the_hold(int attempts, int timeoutSeconds, int backoffMilliseconds)
    {
        var actions = new ActionOptions { Attempts = attempts, TimeoutSeconds = timeoutSeconds, BackoffMilliseconds = backoffMilliseconds };

        var waited = ConversationHold.RetriesToOutlast(actions) * ConversationHold.RetryInterval;

        Assert.True(waited > actions.HoldTime, $"NLU waits {waited}, the hold lasts {actions.HoldTime}");
    }

    [Fact]
    public void Settings_whose_hold_is_longer_than_the_limit_stop_the_host_at_start()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Actions:Attempts"] = "10", ["Actions:TimeoutSeconds"] = "120", ["Actions:BackoffMilliseconds"] = "60000",
        });
        builder.AddConsumerServices();
        using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ActionOptions>>().Value);
        Assert.Contains("15 minutes", error.Message);
    }
}
