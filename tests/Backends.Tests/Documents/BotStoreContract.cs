using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Dialogue.Stories;

namespace ChatbotPipeline.Backends.Tests.Documents;

/// <summary>What every <see cref="IBotStore"/> must do; subclassed once per implementation.</summary>
public abstract class BotStoreContract
{
    protected abstract IBotStore Store { get; }

    private static Bot Bot(string id) => new(id, $"Bot {id}", 0.5, 15);

    private static Intent Intent(string id, string phrase = "hello") =>
        new(id, id, "Hi!", [new IntentParameter("name", "person", false, null)], [new TrainingPhrase(phrase, [new PhraseEntity("hello", 0, 5, "word")])]);

    [Fact]
    public async Task Created_bot_reads_back_equal_and_twice_is_a_conflict()
    {
        Assert.True(await Store.CreateBotAsync(Bot("a")));

        Assert.False(await Store.CreateBotAsync(Bot("a") with { Name = "other" }));
        Assert.Equal(Bot("a"), await Store.GetBotAsync("a"));
        Assert.Equal(["a"], (await Store.ListBotsAsync()).Select(b => b.Id));
    }

    [Fact]
    public async Task Missing_bot_reads_as_null_and_cannot_be_changed()
    {
        Assert.Null(await Store.GetBotAsync("none"));
        Assert.Null(await Store.GetDefinitionAsync("none"));
        Assert.Null(await Store.GetRevisionAsync("none"));
        Assert.False(await Store.UpdateBotAsync(Bot("none")));
        Assert.False(await Store.SaveIntentAsync("none", Intent("i")));
        Assert.False(await Store.SaveEntityAsync("none", new EntityType("e", [], [])));
        Assert.False(await Store.DeleteBotAsync("none"));
    }

    [Fact]
    public async Task A_dialogue_is_kept_with_the_definition_raises_the_revision_and_can_be_removed()
    {
        await Store.CreateBotAsync(Bot("d"));
        var dialogue = new BotDialogue(
            new Dictionary<string, IReadOnlyList<ResponseVariant>> { ["utter_greet"] = [new ResponseVariant("Hey {name}!", [new("great", "/mood_great")], "https://x/y.png")] },
            [new SlotDefinition("name", "text", [new SlotMapping("from_entity", Entity: "person", ActiveLoop: "form", RequestedSlot: "name")])],
            [new FormDefinition("form", ["name"], ["chitchat"])], ["validate_form"],
            [new DialogueRule("greet", [new DialogueStep(ActiveLoop: "form", LoopChanged: true)], [new DialogueStep(Intent: "greet"), new DialogueStep(Action: "utter_greet")], false)],
            [new DialogueStory("s", [new DialogueStep(Or: ["a", "b"]), new DialogueStep(SlotWasSet: new Dictionary<string, string?> { ["name"] = "x" })])],
            "http://actions:5055/webhook", 30);
        var before = await Store.GetRevisionAsync("d");

        Assert.True(await Store.SaveDialogueAsync("d", dialogue));
        var stored = (await Store.GetDefinitionAsync("d"))!;
        Assert.True(stored.Revision > before);
        Assert.Equal(DocumentJson.Serialize(dialogue), DocumentJson.Serialize(stored.Dialogue!));

        Assert.True(await Store.SaveDialogueAsync("d", null));
        Assert.Null((await Store.GetDefinitionAsync("d"))!.Dialogue);
        Assert.False(await Store.SaveDialogueAsync("none", dialogue));
    }

    [Fact]
    public async Task Definition_holds_intents_and_entities_in_the_order_they_were_added()
    {
        await Store.CreateBotAsync(Bot("b"));
        await Store.SaveIntentAsync("b", Intent("z"));
        await Store.SaveIntentAsync("b", Intent("a"));
        var entity = new EntityType("city", [new EntityValue("Oslo", ["osl"])], [@"\d+"]);
        await Store.SaveEntityAsync("b", entity);

        var definition = (await Store.GetDefinitionAsync("b"))!;

        Assert.Equal(["z", "a"], definition.Intents.Select(i => i.IntentId));
        Assert.Equal(Intent("z").TrainingData[0].Entities, definition.Intents[0].TrainingData[0].Entities);
        Assert.Equal("osl", definition.Entities.Single().Values.Single().Synonyms.Single());
        Assert.Equal(@"\d+", definition.Entities.Single().Patterns.Single());
    }

    [Fact]
    public async Task Saving_an_intent_again_replaces_it_in_place()
    {
        await Store.CreateBotAsync(Bot("c"));
        await Store.SaveIntentAsync("c", Intent("first"));
        await Store.SaveIntentAsync("c", Intent("second"));

        await Store.SaveIntentAsync("c", Intent("first", "good day"));

        var intents = await Store.ListIntentsAsync("c");
        Assert.Equal(["first", "second"], intents.Select(i => i.IntentId));
        Assert.Equal("good day", intents[0].TrainingData.Single().Text);
    }

    [Fact]
    public async Task A_bot_made_again_after_its_deletion_never_has_a_revision_it_had_before()
    {
        // A reader caches a definition by revision (NLU's BotCatalog): a new bot under an old id that reached the old
        // bot's revision would be served the old bot's intents and replies.
        await Store.CreateBotAsync(Bot("again"));
        await Store.SaveIntentAsync("again", Intent("old"));
        var before = await Store.GetRevisionAsync("again");

        await Store.DeleteBotAsync("again");
        await Store.CreateBotAsync(Bot("again"));
        var made = await Store.GetRevisionAsync("again");
        await Store.SaveIntentAsync("again", Intent("new"));
        var after = await Store.GetRevisionAsync("again");

        Assert.True(made > before, $"made again at revision {made}, had {before}");
        Assert.True(after > made);
    }

    [Fact]
    public async Task Every_change_raises_the_revision()
    {
        await Store.CreateBotAsync(Bot("d"));
        var revisions = new List<long?> { await Store.GetRevisionAsync("d") };

        await Store.SaveIntentAsync("d", Intent("i"));
        revisions.Add(await Store.GetRevisionAsync("d"));
        await Store.SaveEntityAsync("d", new EntityType("e", [], []));
        revisions.Add(await Store.GetRevisionAsync("d"));
        await Store.UpdateBotAsync(Bot("d") with { Name = "renamed" });
        revisions.Add(await Store.GetRevisionAsync("d"));
        await Store.DeleteIntentAsync("d", "i");
        revisions.Add(await Store.GetRevisionAsync("d"));
        await Store.ReplaceContentsAsync("d", [Intent("j")], []);
        revisions.Add(await Store.GetRevisionAsync("d"));

        Assert.Equal(revisions.Count, revisions.Distinct().Count());
        Assert.Equal(revisions.Order(), revisions);
        Assert.Equal(revisions[^1], (await Store.GetDefinitionAsync("d"))!.Revision);
    }

    [Fact]
    public async Task Replacing_contents_removes_what_the_new_contents_lack()
    {
        await Store.CreateBotAsync(Bot("e"));
        await Store.SaveIntentAsync("e", Intent("old"));
        await Store.SaveEntityAsync("e", new EntityType("old", [], []));

        Assert.True(await Store.ReplaceContentsAsync("e", [Intent("new")], [new EntityType("new", [], [])]));

        var definition = (await Store.GetDefinitionAsync("e"))!;
        Assert.Equal(["new"], definition.Intents.Select(i => i.IntentId));
        Assert.Equal(["new"], definition.Entities.Select(i => i.Name));
    }

    [Fact]
    public async Task Deleting_a_bot_deletes_its_intents_and_entities()
    {
        await Store.CreateBotAsync(Bot("f"));
        await Store.SaveIntentAsync("f", Intent("i"));
        await Store.SaveEntityAsync("f", new EntityType("e", [], []));

        Assert.True(await Store.DeleteBotAsync("f"));
        await Store.CreateBotAsync(Bot("f"));

        Assert.Empty(await Store.ListIntentsAsync("f"));
        Assert.Empty(await Store.ListEntitiesAsync("f"));
    }

    [Fact]
    public async Task Deleting_what_is_not_there_reports_false()
    {
        await Store.CreateBotAsync(Bot("g"));

        Assert.False(await Store.DeleteIntentAsync("g", "none"));
        Assert.False(await Store.DeleteEntityAsync("g", "none"));
    }
}
