using ChatbotPipeline.Cli.Commands;
using Spectre.Console.Cli;

// chatbot: the pipeline's admin API from a terminal (bots, files, training, evaluation, a chat shell, exports).
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("chatbot");
    config.AddBranch("bots", bots =>
    {
        bots.SetDescription("List, create, change and delete bots.");
        bots.AddCommand<BotsListCommand>("list").WithDescription("The bots.");
        bots.AddCommand<BotsCreateCommand>("create").WithDescription("A new, empty bot.").WithExample("bots", "create", "shop", "--name", "\"Shop assistant\"");
        bots.AddCommand<BotsSetCommand>("set").WithDescription("Change some of a bot's settings; the others are kept.")
            .WithExample("bots", "set", "shop", "--action-hosts", "api.example.com,orders.internal:8080");
        bots.AddCommand<BotsDeleteCommand>("delete").WithDescription("Delete a bot and its contents.");
    });
    config.AddCommand<ImportCommand>("import").WithDescription("Import a bot file or Rasa project (creates the bot); the parts it holds replace the bot's, --replace clears the rest.")
        .WithExample("import", "shop", "shop.json").WithExample("import", "shop", "data/nlu.yml", "domain.yml", "--format", "rasa").WithExample("import", "formbot", "./formbot", "--format", "rasa");
    config.AddCommand<ExportCommand>("export").WithDescription("A bot as a file (ai-chatbot-framework JSON or Rasa YAML).");
    config.AddCommand<TrainCommand>("train").WithDescription("Train a bot; --wait follows the run and exits non-zero when the gate refuses or training fails.")
        .WithExample("train", "shop", "--wait");
    config.AddCommand<TestCommand>("test").WithDescription("Cross-validate the bot's NLU on its own phrases (trained locally): accuracy, per-intent scores, confusions.")
        .WithExample("test", "shop", "--folds", "5", "--out", "report.html").WithExample("test", "formbot", "--stories", "tests/test_stories.yml");
    config.AddCommand<ShellCommand>("shell").WithDescription("Talk to a bot: replies with intent, confidence and buttons.");
    config.AddBranch("data", data =>
    {
        data.SetDescription("Check bot files.");
        data.AddCommand<DataValidateCommand>("validate").WithDescription("What an import would refuse or warn about; nothing is stored. Exit 1 on errors.")
            .WithExample("data", "validate", "shop", "shop.json");
    });
    config.AddBranch("conversations", conversations =>
    {
        conversations.SetDescription("A bot's conversations.");
        conversations.AddCommand<ConversationsExportCommand>("export").WithDescription("Export turns in a time range and download them (gzipped NDJSON).")
            .WithExample("conversations", "export", "shop", "--from", "2026-11-01", "--to", "2026-12-01", "--out", "shop.ndjson.gz");
    });
});
return await app.RunAsync(args);
