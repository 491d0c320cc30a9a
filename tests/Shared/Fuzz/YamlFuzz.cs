using System.Text;

namespace ChatbotPipeline.Tests.Shared.Fuzz;

/// <summary>
/// Random Rasa-shaped YAML from a seed: anchors and aliases that multiply (billion laughs), deep nesting, huge scalars,
/// broken indentation, tags, flow collections and invalid escapes, mixed with real <c>nlu</c>/<c>responses</c> keys.
/// </summary>
public sealed class YamlFuzz(int seed)
{
    private readonly Random _random = new(seed);

    public string Next()
    {
        var yaml = new StringBuilder("version: \"3.1\"\n");
        for (var i = _random.Next(1, 6); i > 0; i--)
        {
            switch (_random.Next(8))
            {
                case 0:
                    yaml.Append("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
                    for (var level = 1; level < _random.Next(2, 12); level++)
                        yaml.Append($"a{level}: &a{level} [").AppendJoin(", ", Enumerable.Repeat($"*a{level - 1}", 10)).Append("]\n");
                    break;
                case 1:
                    yaml.Append("nlu:\n- intent: greet\n  examples: |\n    - hi\n    - [hello](greeting)\n    - hey {\"entity\": \"x\"}\n");
                    break;
                case 2:
                    yaml.Append("deep: ").Append('[', _random.Next(1, 400)).Append(']', _random.Next(1, 400)).Append('\n');
                    break;
                case 3:
                    yaml.Append("big: &big \"").Append('x', _random.Next(1, 200_000)).Append("\"\nnlu:\n- intent: big\n  examples:\n");
                    for (var n = _random.Next(1, 3_000); n > 0; n--)
                        yaml.Append("  - *big\n");
                    break;
                case 4:
                    yaml.Append("responses:\n  utter_greet:\n  - text: \"Hi {name}\"\n    buttons:\n    - title: !!binary aGk=\n      payload: /greet\n");
                    break;
                case 5:
                    yaml.Append("nlu:\n  - intent: ").Append((char)_random.Next(0x20, 0x2FFF)).Append("\n   examples: \"\\x\\u12\"\n");
                    break;
                case 6:
                    yaml.Append("nlu: {intent: a, examples: [*undefined, &x y, *x]}\n");
                    break;
                default:
                    yaml.Append(new string(' ', _random.Next(0, 8))).Append("- ").Append("? ").Append("key\n");
                    break;
            }
        }
        return yaml.ToString();
    }
}
