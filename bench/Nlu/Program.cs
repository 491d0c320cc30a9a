using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatbotPipeline.Bench.Nlu;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Entities.Learned;
using ChatbotPipeline.Nlu.Intents;

// Intent accuracy, out-of-scope recall, training time and memory, inference speed and model load time of the NLU
// model on any dataset in the shared JSONL format; see docs/BENCHMARKS.md for results.
const string Usage = "usage: dotnet run -c Release --project bench/Nlu -- --train FILE[,FILE] --test FILE [--oos FILE] [--oos-train FILE[,FILE]] [--json]"
    + " [--threshold P] [--margin P] [--min-familiarity S] [--algorithm LinearSvm|MaximumEntropySdca|MaximumEntropyLbfgs|SupportVectorSdca] [--cost C] [--l2 L]"
    + " [--iterations N] [--threads N] [--holdout F] [--word N] [--char MIN-MAX] [--char-weight W] [--min-char-count N]"
    + " [--encoder none|minilm|minilm-static] [--encoder-weight W] [--choose-threshold-on FILE[,FILE]] [--min-in-scope F] [--shots K --seeds 1,2,3]"
    + " [--save-model FILE] | --serving-memory-of MODEL_FILE --test FILE | --encoder-cost minilm,minilm-int8 --test FILE";
string? train = null, test = null, oos = null, oosTrain = null, chooseOn = null, saveModel = null, servingMemoryOf = null, encoderCost = null;
var minInScope = 0.945;
int? shots = null;
int[] seeds = [1, 2, 3];
var json = false;
double threshold = 0.4, margin = 0, familiarity = FallbackPolicy.DefaultMinFamiliarity;
var settings = IntentTrainingSettings.Default;
var features = settings.Features;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(Usage);
    switch (args[i])
    {
        case "--train": train = Next(); break;
        case "--test": test = Next(); break;
        case "--oos": oos = Next(); break;
        case "--oos-train": oosTrain = Next(); break;
        case "--json": json = true; break;
        case "--shots": shots = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--seeds": seeds = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
        case "--threshold": threshold = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--margin": margin = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--min-familiarity": familiarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--algorithm": settings = settings with { Algorithm = Enum.Parse<IntentClassifierAlgorithm>(Next(), ignoreCase: true) }; break;
        case "--l2": settings = settings with { L2Regularization = float.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--iterations": settings = settings with { MaximumIterations = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--cost": settings = settings with { Cost = float.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--encoder": settings = settings with { Encoder = Next() }; break;
        case "--encoder-weight": settings = settings with { EncoderWeight = float.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--choose-threshold-on": chooseOn = Next(); break;
        case "--save-model": saveModel = Next(); break;
        case "--serving-memory-of": servingMemoryOf = Next(); break;
        case "--encoder-cost": encoderCost = Next(); break;
        case "--min-in-scope": minInScope = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--threads": settings = settings with { Threads = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--holdout": settings = settings with { HoldoutFraction = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--word": features = features with { WordNgramLength = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--char":
            var range = Next().Split('-');
            features = features with { CharNgramMin = int.Parse(range[0], CultureInfo.InvariantCulture), CharNgramMax = int.Parse(range[^1], CultureInfo.InvariantCulture) };
            break;
        case "--char-weight": features = features with { CharWeight = float.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--min-char-count": features = features with { MinCharNgramCount = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        default: Console.Error.WriteLine(Usage); return 2;
    }
}
// What serving a model costs: a fresh process that only loads it (and its encoder) and answers the test set once.
if (servingMemoryOf is not null && test is not null)
{
    await using (var file = File.OpenRead(servingMemoryOf))
    {
        var served = IntentModel.Load(file);
        foreach (var utterance in Dataset.Load(test))
            served.Predict(utterance.Text);
    }
    GC.Collect();
    Console.WriteLine(JsonSerializer.Serialize(new { Model = servingMemoryOf, ResidentMiB = ResidentMiB("VmRSS:"), PeakResidentMiB = PeakResidentMiB() }, JsonSerializerOptions.Web));
    return 0;
}
// What a sentence never seen before costs each encoder, one call at a time on one thread.
if (encoderCost is not null && test is not null)
{
    var texts = Dataset.Load(test).Select(u => u.Text).ToList();
    foreach (var cost in EncoderCost.Measure(encoderCost.Split(','), texts))
        Console.WriteLine(JsonSerializer.Serialize(cost, JsonSerializerOptions.Web));
    return 0;
}
if (train is null || test is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

// The out-of-scope class, when a dataset labels training examples with it, is not an intent the model should learn.
const string OutOfScope = "oos";
var trainingLines = Dataset.LoadAll(train);
var trainingSet = trainingLines.Where(u => u.Intent != OutOfScope).Select(u => new IntentExample(u.Text, u.Intent)).ToList();
var testSet = Dataset.Load(test).Where(u => u.Intent != OutOfScope).ToList();
var oosSet = oos is null ? [] : Dataset.Load(oos);
// Out-of-scope examples to learn from, as a bot would teach its fallback intent.
if (oosTrain is not null)
    trainingSet.AddRange(Dataset.LoadAll(oosTrain).Select(u => new IntentExample(u.Text, SystemIntents.Fallback)));

// Few-shot: K phrases per intent drawn with each seed, one model per draw, all scored on the same test set.
if (shots is { } k)
{
    var accuracies = seeds.Select(seed =>
    {
        var random = new Random(seed);
        var draw = trainingSet.GroupBy(e => e.Intent).SelectMany(g => g.OrderBy(_ => random.Next()).Take(k)).ToList();
        var model = new IntentModelTrainer(settings with { Features = features }).Train(draw).Model;
        return testSet.Count(u => model.Predict(u.Text).Top.Intent == u.Intent) / (double)testSet.Count;
    }).ToList();
    var fewShot = new { Shots = k, Seeds = seeds, Accuracies = accuracies, MeanAccuracy = accuracies.Average(), Settings = settings with { Features = features } };
    Console.WriteLine(JsonSerializer.Serialize(new { Train = train, Test = test, FewShot = fewShot }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    return 0;
}

var watch = Stopwatch.StartNew();
var trained = new IntentModelTrainer(settings with { Features = features }).Train(trainingSet);
var trainingSeconds = watch.Elapsed.TotalSeconds;
var peakMiB = PeakResidentMiB();

var inScope = testSet.Select(u => (u.Intent, Prediction: trained.Model.Predict(u.Text))).ToList();
var outOfScope = oosSet.Select(u => trained.Model.Predict(u.Text)).ToList();
var accuracy = inScope.Count(p => p.Prediction.Top.Intent == p.Intent) / (double)inScope.Count;

// With a fallback, in-scope accuracy counts a fallback as wrong; out-of-scope recall counts fallbacks.
FallbackResult Evaluate(FallbackPolicy policy) => new(policy.Threshold, policy.AmbiguityMargin, policy.MinFamiliarity,
    inScope.Count(p => p.Prediction.Top.Intent == p.Intent && policy.Accepts(p.Prediction)) / (double)inScope.Count,
    outOfScope.Count == 0 ? null : outOfScope.Count(p => !policy.Accepts(p)) / (double)outOfScope.Count);
// The threshold and margin are chosen on a validation file (its "oos" lines count as out of scope), never on the test:
// the most out-of-scope recall whose in-scope accuracy stays at --min-in-scope or above.
object? choice = null;
if (chooseOn is not null)
{
    var validation = Dataset.LoadAll(chooseOn);
    var validIn = validation.Where(u => u.Intent != OutOfScope).Select(u => (u.Intent, Prediction: trained.Model.Predict(u.Text))).ToList();
    var validOut = validation.Where(u => u.Intent == OutOfScope).Select(u => trained.Model.Predict(u.Text)).ToList();
    var grid = Enumerable.Range(1, 38).SelectMany(t => new[] { 0, 0.02, 0.05, 0.1, 0.15, 0.2 }.SelectMany(m =>
            new[] { 0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6 }.Select(f => new FallbackPolicy(t * 0.025, m, f))))
        .Select(policy => (Policy: policy,
            InScope: validIn.Count(p => p.Prediction.Top.Intent == p.Intent && policy.Accepts(p.Prediction)) / (double)validIn.Count,
            Recall: validOut.Count == 0 ? 0 : validOut.Count(p => !policy.Accepts(p)) / (double)validOut.Count))
        .ToList();
    var best = grid.Where(g => g.InScope >= minInScope).OrderByDescending(g => g.Recall).ThenByDescending(g => g.InScope).FirstOrDefault();
    if (best.Policy is not null)
    {
        (threshold, margin, familiarity) = (best.Policy.Threshold, best.Policy.AmbiguityMargin, best.Policy.MinFamiliarity);
        choice = new { On = chooseOn, MinInScope = minInScope, ValidationInScope = best.InScope, ValidationOosRecall = best.Recall };
    }
}
var chosen = Evaluate(new FallbackPolicy(threshold, margin, familiarity));
var curve = Enumerable.Range(1, 19).Select(t => Evaluate(new FallbackPolicy(t * 0.05, margin, familiarity))).ToList();

watch.Restart();
var predictions = 0;
while (watch.Elapsed < TimeSpan.FromSeconds(3))
    foreach (var utterance in testSet)
    {
        trained.Model.Predict(utterance.Text);
        predictions++;
    }
var perSecond = predictions / watch.Elapsed.TotalSeconds;

using var saved = new MemoryStream();
trained.Model.Save(saved);
saved.Position = 0;
watch.Restart();
IntentModel.Load(saved).Predict(testSet[0].Text);
var loadSeconds = watch.Elapsed.TotalSeconds;
if (saveModel is not null)
    await File.WriteAllBytesAsync(saveModel, saved.ToArray());

// Entities, when the data has them: the learned tagger alone, scored on exact span and type.
object? entityResult = null;
var annotated = trainingLines.Where(u => u.Entities is { Count: > 0 }).ToList();
if (annotated.Count > 0 && testSet.Any(u => u.Entities is { Count: > 0 }))
{
    watch.Restart();
    var tagger = new EntityTaggerTrainer().Train(trainingLines
        .Select(u => new AnnotatedSentence(u.Text, (u.Entities ?? []).Select(e => new EntitySpan(e.Entity, e.Start, e.End)).ToList())).ToList())!;
    var taggerSeconds = watch.Elapsed.TotalSeconds;
    // Tagged once with no confidence floor, then scored at several floors, the tagger's default among them.
    watch.Restart();
    var tagged = testSet.Select(u => (Gold: u.Entities ?? [], Found: tagger.Extract(u.Text, minConfidence: 0))).ToList();
    var taggedPerSecond = testSet.Count / watch.Elapsed.TotalSeconds;
    var floors = new[] { 0, 0.1, 0.2, 0.3, EntityTagger.DefaultMinConfidence }.Distinct().Order().Select(floor =>
    {
        var scores = new EntityScores();
        foreach (var (gold, found) in tagged)
            scores.Add(gold, found.Where(e => e.Confidence >= floor).ToList());
        return new { MinConfidence = floor, scores.Precision, scores.Recall, scores.F1 };
    }).ToList();
    var atDefault = floors.Single(f => f.MinConfidence == EntityTagger.DefaultMinConfidence);
    entityResult = new { atDefault.Precision, atDefault.Recall, atDefault.F1, Entities = tagged.Sum(t => t.Gold.Count), TrainingSeconds = taggerSeconds, TaggedPerSecond = taggedPerSecond, ByMinConfidence = floors };
    peakMiB = PeakResidentMiB();
}

var result = new
{
    Train = train, Test = test, Oos = oos,
    TrainingExamples = trainingSet.Count, Intents = trained.Metrics.Intents, Settings = settings with { Features = features },
    IntentAccuracy = accuracy, HoldoutAccuracy = trained.Metrics.HoldoutAccuracy, trained.Metrics.Temperature,
    TrainingSeconds = trainingSeconds, PeakResidentMiB = peakMiB,
    InferencePerSecondOneThread = perSecond, ModelLoadSeconds = loadSeconds, ModelBytes = saved.Length,
    Fallback = chosen, ThresholdChosen = choice, Thresholds = curve, Entities = entityResult,
};
if (json)
{
    Console.WriteLine(JsonSerializer.Serialize(result, JsonSerializerOptions.Web));
    return 0;
}
Console.WriteLine($"train {train}: {trainingSet.Count} examples, {trained.Metrics.Intents} intents; test {test}: {testSet.Count}{(oos is null ? "" : $"; out of scope {oos}: {oosSet.Count}")}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    intent accuracy        {accuracy:P2} (holdout {trained.Metrics.HoldoutAccuracy:P2}, temperature {trained.Metrics.Temperature:F3})
    training               {trainingSeconds:F1} s, peak RSS {peakMiB:F0} MiB
    inference (1 thread)   {perSecond:F0} utterances/s
    model load             {loadSeconds * 1000:F0} ms ({saved.Length / 1024.0 / 1024:F1} MiB)
    fallback at {threshold:F2}/{margin:F2}   in-scope accuracy {chosen.InScopeAccuracy:P2}, OOS recall {(chosen.OutOfScopeRecall is { } r ? r.ToString("P2", CultureInfo.InvariantCulture) : "-")}
    """));
if (entityResult is not null)
    Console.WriteLine(JsonSerializer.Serialize(entityResult, JsonSerializerOptions.Web));
Console.WriteLine($"threshold (margin {margin:F2}) | in-scope acc. | OOS recall");
foreach (var point in curve)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"     {point.Threshold:F2} |      {point.InScopeAccuracy,7:P1} | {(point.OutOfScopeRecall is { } recall ? recall.ToString("P1", CultureInfo.InvariantCulture) : "-"),7}"));
return 0;

static double PeakResidentMiB() => ResidentMiB("VmHWM:");

static double ResidentMiB(string field)
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

/// <summary>What a fallback policy does on the test data.</summary>
internal sealed record FallbackResult(double Threshold, double Margin, double MinFamiliarity, double InScopeAccuracy, double? OutOfScopeRecall);
