using System.Collections.Concurrent;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Nlu.Definitions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotPipeline.Ingress.Tests.Security;

/// <summary>What leaves the pipeline for others' servers, and what a stored template can do to it.</summary>
[Trait("Category", "Security")]
public sealed class OutboundTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    [Fact]
    public async Task A_callback_that_redirects_to_loopback_is_not_followed_nor_retried()
    {
        var hits = new ConcurrentQueue<string>();
        await using var target = await ServerAsync(app => app.Run(async context => { hits.Enqueue($"target {context.Request.Path}"); await Task.CompletedTask; }));
        await using var redirector = await ServerAsync(app => app.Run(context =>
        {
            hits.Enqueue("redirector");
            context.Response.Redirect($"{target.Urls.First()}/internal-admin", permanent: false, preserveMethod: true);
            return Task.CompletedTask;
        }));

        await Chat.SendAsync(ingress.Factory.CreateClient(), "redirected", "hello", metadata: new { callback_url = $"{redirector.Urls.First()}/replies" });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (hits.IsEmpty && DateTime.UtcNow < deadline)
            await Task.Delay(25, TestContext.Current.CancellationToken);
        await Task.Delay(1_000, TestContext.Current.CancellationToken);

        Assert.Equal(["redirector"], hits);
    }

    [Fact]
    public async Task A_template_stored_before_the_limits_existed_answers_the_fallback_and_the_process_goes_on()
    {
        var nested = string.Concat(Enumerable.Repeat("{% if true %}", 5_000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 5_000));
        var bots = ingress.Factory.Services.GetRequiredService<IBotStore>();
        var demo = (await bots.GetDefinitionAsync("demo", CancellationToken.None))!;
        // Written to the store directly, as a template stored by an older version would be: no API check on the way.
        var intents = demo.Intents.Select(i => i.IntentId == "greet" ? i with { SpeechResponse = nested } : i).ToList();
        Assert.True(await bots.ReplaceContentsAsync("demo", intents, demo.Entities, CancellationToken.None));
        try
        {
            await Chat.SendAsync(ingress.Factory.CreateClient(), "old-template", "hello");
            var turn = Assert.Single((await Chat.TurnsAsync(ingress.Factory.CreateAdminClient(), "old-template", 1)).Turns);

            Assert.Equal("greet", turn.Intent);
            var fallback = demo.FindIntent(SystemIntents.Fallback)!.SpeechResponse;
            Assert.Equal(new Nlu.Templates.ResponseRenderer().Render(fallback, Nlu.Templates.TemplateModel.Empty), turn.Replies);
        }
        finally
        {
            await bots.ReplaceContentsAsync("demo", demo.Intents, demo.Entities, CancellationToken.None);
        }
    }

    private static async Task<WebApplication> ServerAsync(Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        configure(app);
        await app.StartAsync();
        return app;
    }
}
