using System.Runtime.CompilerServices;

namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>
/// The policy for turns no rule or story covers (Rasa's TED policy has this place): a softmax-linear model over the
/// conversation's state — the latest intent, the previous action, the active loop, which slots that influence the
/// conversation are set (entities count through the slots they fill: the tracker keeps no entities of its own, and a
/// feature learned but never seen while talking would only skew the model) — trained on every action step of the rules and
/// stories. Its most probable action is taken only above the dialogue's <see cref="BotDialogue.CoreFallbackThreshold"/>;
/// below it the bot runs <c>action_default_fallback</c>, as Rasa's <c>core_fallback_threshold</c> has it.
/// </summary>
public sealed class LearnedPolicy
{
    private const int Epochs = 60;
    private const double LearningRate = 0.5;
    private static readonly ConditionalWeakTable<BotDialogue, LearnedPolicy> Trained = new();

    private readonly List<string> _actions = [];
    private readonly Dictionary<string, int> _features = new(StringComparer.Ordinal);
    private double[,] _weights = new double[0, 0];

    public static LearnedPolicy Of(BotDialogue dialogue) => Trained.GetValue(dialogue, d => new LearnedPolicy(d));

    private LearnedPolicy(BotDialogue dialogue)
    {
        var examples = Examples(dialogue).ToList();
        foreach (var (features, action) in examples)
        {
            if (!_actions.Contains(action))
                _actions.Add(action);
            foreach (var feature in features)
                _features.TryAdd(feature, _features.Count);
        }
        _weights = new double[_features.Count + 1, _actions.Count];
        for (var epoch = 0; epoch < Epochs; epoch++)
            foreach (var (features, action) in examples)
                Learn(Indexes(features), _actions.IndexOf(action));
    }

    /// <summary>The most probable action and its probability, or null when the policy learned nothing of this intent.</summary>
    public (string Action, double Probability)? Predict(DialogueTracker tracker, BotDialogue dialogue)
    {
        var state = State(tracker, dialogue);
        // An intent no rule or story mentions leaves only the state around it: too little to act on.
        if (_actions.Count == 0 || !_features.ContainsKey(state[0]))
            return null;
        var probabilities = Probabilities(Indexes(state));
        var best = Array.IndexOf(probabilities, probabilities.Max());
        return (_actions[best], probabilities[best]);
    }

    /// <summary>The state before each action of each rule and story, with that action.</summary>
    private static IEnumerable<(IReadOnlyList<string> Features, string Action)> Examples(BotDialogue dialogue)
    {
        foreach (var steps in dialogue.Rules.Select(r => r.Steps).Concat(dialogue.Stories.Select(s => s.Steps)))
        {
            var tracker = DialogueTracker.Start(dialogue);
            foreach (var step in steps)
            {
                if (step.Intent is not null || step.Or is { Count: > 0 })
                {
                    tracker = tracker.With(new TrackerEvent(TrackerEvent.Action, DefaultActions.Listen))
                        .With(new TrackerEvent(TrackerEvent.User, step.Intent ?? step.Or![0]));
                }
                else if (step.Action is { } action)
                {
                    yield return (State(tracker, dialogue), StoryToken.Normalize(action));
                    tracker = tracker.With(new TrackerEvent(TrackerEvent.Action, action));
                }
                else if (step.LoopChanged)
                    tracker = tracker.With(new TrackerEvent(TrackerEvent.Loop, step.ActiveLoop ?? ""));
                else if (step.SlotWasSet is { } slots)
                    foreach (var (name, value) in slots)
                        tracker = tracker.With(new TrackerEvent(TrackerEvent.Slot, name, value ?? "set"));
            }
        }
    }

    private static List<string> State(DialogueTracker tracker, BotDialogue dialogue)
    {
        var state = new List<string> { $"intent:{tracker.LatestIntent}" };
        var last = tracker.Events.LastOrDefault(e => e.Type is TrackerEvent.Action or TrackerEvent.User);
        state.Add(last?.Type == TrackerEvent.Action ? $"prev:{StoryToken.Normalize(last.Name)}" : "prev:user");
        state.Add($"loop:{tracker.ActiveLoop}");
        state.AddRange(dialogue.Slots.Where(s => s.InfluenceConversation && tracker.Slot(s.Name) is not null).Select(s => $"slot:{s.Name}"));
        return state;
    }

    private List<int> Indexes(IEnumerable<string> features) =>
        [.. features.Select(f => _features.TryGetValue(f, out var index) ? index : -1).Where(i => i >= 0).Append(_features.Count)];

    private double[] Probabilities(List<int> features)
    {
        var scores = new double[_actions.Count];
        for (var action = 0; action < scores.Length; action++)
            foreach (var feature in features)
                scores[action] += _weights[feature, action];
        var max = scores.Max();
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
            sum += scores[i] = Math.Exp(scores[i] - max);
        for (var i = 0; i < scores.Length; i++)
            scores[i] /= sum;
        return scores;
    }

    private void Learn(List<int> features, int target)
    {
        var probabilities = Probabilities(features);
        for (var action = 0; action < probabilities.Length; action++)
        {
            var gradient = (action == target ? 1 : 0) - probabilities[action];
            foreach (var feature in features)
                _weights[feature, action] += LearningRate * gradient;
        }
    }
}
