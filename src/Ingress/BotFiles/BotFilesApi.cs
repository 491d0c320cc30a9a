using System.Text;
using System.Text.Json;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Ingress.ApiDocument;
using ChatbotPipeline.Ingress.BotFiles.Rasa;
using ChatbotPipeline.Ingress.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatbotPipeline.Ingress.BotFiles;

/// <summary>
/// <c>/api/bots/{botId}/import</c> and <c>/export</c>: a whole bot in ai-chatbot-framework's JSON (default), or with
/// <c>?format=rasa</c> in Rasa 3.x YAML (nlu.yml, and a domain's responses; several files as multipart form data).
/// </summary>
public static class BotFilesApi
{
    /// <summary>A bot file larger than this is refused: the largest real bots are a few megabytes.</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    public const string Aicf = "aicf";
    public const string Rasa = "rasa";

    public static void MapBotFilesApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/bots/{botId}/import", Import)
            .WithSummary("Import a bot file (each part it holds replaces the bot's; ?replace=true clears the rest)")
            .WithDescription("An ai-chatbot-framework JSON export as the body, or with ?format=rasa the files of a Rasa project (nlu.yml, domain.yml) as multipart/form-data. " +
                             "With ?dryRun=true the file is only checked: the same errors and warnings, nothing stored.")
            .DocumentsBody<AicfBotFile>("application/json")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // ?format=rasa: the project's YAML files as form files named "files".
                operation.RequestBody!.Content!["multipart/form-data"] = new Microsoft.OpenApi.OpenApiMediaType
                {
                    Schema = new Microsoft.OpenApi.OpenApiSchema
                    {
                        Type = Microsoft.OpenApi.JsonSchemaType.Object,
                        Properties = new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>
                        {
                            ["files"] = new Microsoft.OpenApi.OpenApiSchema
                            {
                                Type = Microsoft.OpenApi.JsonSchemaType.Array,
                                Items = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" },
                            },
                        },
                    },
                };
                return Task.CompletedTask;
            });
        api.MapGet("/bots/{botId}/export", Export)
            .WithSummary("Export a bot file")
            .Produces<AicfBotFile>(StatusCodes.Status200OK)
            .Produces<string>(StatusCodes.Status200OK, "application/yaml")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// Stores the file's contents, creating the bot when it is new: each part the file holds replaces the bot's, parts it
    /// does not hold are kept unless <paramref name="replace"/>. Train afterwards.
    /// </summary>
    private static async Task<Results<Ok<ImportSummary>, ValidationProblem, ProblemHttpResult>> Import(string botId, string? format, HttpRequest request,
        BotImporter importer, CancellationToken cancellationToken, bool dryRun = false, bool replace = false)
    {
        var read = (format ?? await BotFileFormat.DetectAsync(request, cancellationToken)) switch
        {
            Aicf => await ReadAicfAsync(request, cancellationToken),
            Rasa => await ReadRasaAsync(request, cancellationToken),
            _ => (null, $"Unknown format '{format}': use '{Aicf}' (ai-chatbot-framework JSON, the default) or '{Rasa}' (Rasa 3.x YAML)."),
        };
        if (read.Bot is not { } bot)
            return TypedResults.Problem(read.Error, statusCode: StatusCodes.Status400BadRequest);
        var result = dryRun
            ? await importer.ReviewAsync(botId, bot, cancellationToken)
            : await importer.ImportAsync(botId, bot, replace, cancellationToken);
        return result.Errors.Count > 0
            ? TypedResults.ValidationProblem(result.Errors)
            : TypedResults.Ok(new ImportSummary(botId, result.Intents, result.Entities, result.CreatedBot, result.Warnings, Stored: !dryRun));
    }

    private static async Task<IResult> Export(string botId, string? format, IBotStore bots, CancellationToken cancellationToken)
    {
        if (format is not (null or Aicf or Rasa))
            return TypedResults.Problem($"Unknown format '{format}': use '{Aicf}' or '{Rasa}'.", statusCode: StatusCodes.Status400BadRequest);
        var definition = await bots.GetDefinitionAsync(botId, cancellationToken);
        if (definition is null)
            return Admin.ApiProblems.NoBot(botId);
        return format == Rasa
            ? TypedResults.Text(RasaBotFile.Write(definition.Intents, definition.Entities, definition.Dialogue), "application/yaml", Encoding.UTF8)
            : TypedResults.Ok(AicfMapper.ToFile(definition.Intents, definition.Entities));
    }

    private static async Task<(BotContents? Bot, string? Error)> ReadAicfAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await WebhookBody.ReadAsync(request, MaxFileBytes, cancellationToken) is not { } body)
            return (null, $"The file is larger than {MaxFileBytes} bytes.");
        if (BotFileText.Decode(body, "file", out var encodingError) is null)
            return (null, encodingError);
        try
        {
            if (JsonSerializer.Deserialize<AicfBotFile>(body, JsonSerializerOptions.Web) is not { } file)
                return (null, "The body must be an ai-chatbot-framework bot: a JSON object with 'intents' and 'entities'.");
            var (intents, entities) = AicfMapper.ToDefinitions(file);
            return (BotContents.Of(intents, entities), null);
        }
        catch (JsonException exception)
        {
            return (null, JsonErrors.Describe(exception, "The ai-chatbot-framework file"));
        }
    }

    /// <summary>One YAML body, a .zip or .tar.gz of the project, or multipart form data with one file per part (nlu.yml,
    /// domain.yml, … or an archive), read as one bot.</summary>
    private static async Task<(BotContents? Bot, string? Error)> ReadRasaAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var documents = new List<string>();
        var sent = new List<(string Name, byte[] Bytes)>();
        if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException)
            {
                return (null, $"The form data could not be read: {exception.Message}");
            }
            foreach (var file in form.Files.Where(f => f.Length <= MaxFileBytes))
            {
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes, cancellationToken);
                sent.Add((file.FileName, bytes.ToArray()));
            }
            if (sent.Count == 0)
                return (null, "Send the Rasa files (nlu.yml, domain.yml) as form-data file parts, each at most 16 MiB.");
        }
        else if (await WebhookBody.ReadAsync(request, MaxFileBytes, cancellationToken) is { } body)
            sent.Add(("file", body));
        else
            return (null, $"The file is larger than {MaxFileBytes} bytes.");
        foreach (var (name, bytes) in sent)
        {
            var (files, archiveError) = RasaArchive.IsArchive(bytes) ? RasaArchive.Read(bytes) : ([(name, bytes)], null);
            if (archiveError is not null)
                return (null, archiveError);
            foreach (var (path, content) in files)
            {
                if (BotFileText.Decode(content, path == "file" ? "file" : $"file '{path}'", out var encodingError) is not { } text)
                    return (null, encodingError);
                documents.Add(text);
            }
        }
        if (documents.Select(YamlBudget.Refusal).FirstOrDefault(refusal => refusal is not null) is { } tooCostly)
            return (null, tooCostly);
        var project = RasaBotFile.Read(documents);
        if (project.Error is not null)
            return (null, project.Error);
        return (new BotContents(project.HasNlu ? project.Intents : null, project.HasNlu ? project.Entities : null, project.Dialogue, project.Warnings), null);
    }

    /// <summary>What an import changed, and what its author should know (per intent).</summary>
    /// <param name="Stored">False for a dry run: the file was only checked.</param>
    public sealed record ImportSummary(string BotId, int Intents, int Entities, bool CreatedBot, IReadOnlyList<ImportWarning> Warnings, bool Stored = true);
}
