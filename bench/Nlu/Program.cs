using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatbotPipeline.Bench.Nlu;
using ChatbotPipeline.Nlu.Intents;

// Intent accuracy, out-of-scope recall, training time and memory, inference speed and model load time of the NLU
// model on any dataset in the shared JSONL format; see docs/BENCHMARKS.md for results.
const string Usage = "usage: dotnet run -c Release --project bench/Nlu -- --train FILE --test FILE [--oos FILE] [--json]";
string? train = null, test = null, oos = null;
var json = false;
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
        case "--json": json = true; break;
        case "--algorithm": settings = settings with { Algorithm = Enum.Parse<IntentClassifierAlgorithm>(Next(), ignoreCase: true) }; break;
        case "--l2": settings = settings with { L2Regularization = float.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--iterations": settings = settings with { MaximumIterations = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--cost": settings = settings with { Cost = float.Parse(Next(), CultureInfo.InvariantCulture) }; break;
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
if (train is null || test is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

// The out-of-scope class, when a dataset labels training examples with it, is not an intent the model should learn.
const string OutOfScope = "oos";
var trainingSet = Dataset.Load(train).Where(u => u.Intent != OutOfScope).Select(u => new IntentExample(u.Text, u.Intent)).ToList();
var testSet = Dataset.Load(test).Where(u => u.Intent != OutOfScope).ToList();
var oosSet = oos is null ? [] : Dataset.Load(oos);

var watch = Stopwatch.StartNew();
var trained = new IntentModelTrainer(settings with { Features = features }).Train(trainingSet);
var trainingSeconds = watch.Elapsed.TotalSeconds;
var peakMiB = PeakResidentMiB();

var inScope = testSet.Select(u => (u.Intent, Prediction: trained.Model.Predict(u.Text))).ToList();
var outOfScope = oosSet.Select(u => trained.Model.Predict(u.Text)).ToList();
var accuracy = inScope.Count(p => p.Prediction.Top.Intent == p.Intent) / (double)inScope.Count;

// Fallback thresholds: in-scope accuracy counts a fallback as wrong; out-of-scope recall counts fallbacks.
var thresholds = Enumerable.Range(1, 19).Select(t => t * 0.05).ToList();
var curve = thresholds.Select(threshold => new
{
    Threshold = threshold,
    InScopeAccuracy = inScope.Count(p => p.Prediction.Top.Intent == p.Intent && p.Prediction.Top.Probability >= threshold) / (double)inScope.Count,
    OutOfScopeRecall = outOfScope.Count == 0 ? (double?)null : outOfScope.Count(p => p.Top.Probability < threshold) / (double)outOfScope.Count,
}).ToList();

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

var result = new
{
    Train = train, Test = test, Oos = oos,
    TrainingExamples = trainingSet.Count, Intents = trained.Metrics.Intents,
    IntentAccuracy = accuracy, TrainingSeconds = trainingSeconds, PeakResidentMiB = peakMiB,
    InferencePerSecondOneThread = perSecond, ModelLoadSeconds = loadSeconds, ModelBytes = saved.Length, Thresholds = curve,
};
if (json)
{
    Console.WriteLine(JsonSerializer.Serialize(result, JsonSerializerOptions.Web));
    return 0;
}
Console.WriteLine($"train {train}: {trainingSet.Count} examples, {trained.Metrics.Intents} intents; test {test}: {testSet.Count}{(oos is null ? "" : $"; out of scope {oos}: {oosSet.Count}")}");
Console.WriteLine($"intent accuracy        {accuracy:P2}");
Console.WriteLine($"training               {trainingSeconds:F1} s, peak RSS {peakMiB:F0} MiB");
Console.WriteLine($"inference (1 thread)   {perSecond:F0} utterances/s");
Console.WriteLine($"model load             {loadSeconds * 1000:F0} ms ({saved.Length / 1024.0 / 1024:F1} MiB)");
Console.WriteLine("threshold | in-scope acc. | OOS recall");
foreach (var point in curve)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"     {point.Threshold:F2} |      {point.InScopeAccuracy,7:P1} | {(point.OutOfScopeRecall is { } recall ? recall.ToString("P1", CultureInfo.InvariantCulture) : "-"),7}"));
return 0;

static double PeakResidentMiB()
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
