using System.Globalization;
using System.Net;
using System.Text;

namespace ChatbotPipeline.Cli.Evaluation;

/// <summary>
/// The report as one self-contained HTML page: the figures, a table per intent, and the confusion matrix as a heat
/// map (rows: the intent a phrase has, columns: what the model said; the darker, the more phrases).
/// </summary>
public static class HtmlReport
{
    public static string Render(EvaluationReport report)
    {
        var intents = report.Intents.Select(i => i.Name).ToList();
        var cells = new Dictionary<(string, string), int>();
        foreach (var score in report.Intents)
            cells[(score.Name, score.Name)] = (int)Math.Round(score.Recall * score.Support);
        foreach (var confusion in report.Confusions)
            cells[(confusion.Expected, confusion.Predicted)] = confusion.Count;
        var max = Math.Max(1, cells.Values.DefaultIfEmpty(0).Max());

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>NLU report: {E(report.Bot)}</title><style>
            body {'{'} font-family: system-ui, sans-serif; margin: 2rem; color: #1d2330; {'}'}
            table {'{'} border-collapse: collapse; margin: 1rem 0; {'}'} td, th {'{'} padding: .3rem .6rem; border: 1px solid #ddd; text-align: right; {'}'}
            th:first-child, td:first-child {'{'} text-align: left; {'}'} .matrix td {'{'} min-width: 2.2rem; text-align: center; {'}'}
            </style></head><body>
            <h1>NLU report: {E(report.Bot)}</h1>
            <p>{E(report.Method)}: {report.Phrases} phrases, intent accuracy <b>{report.Accuracy:P1}</b>{(report.Entities is { } entities ? $", entity F1 <b>{entities.F1:F3}</b>" : "")}.</p>
            <h2>Per intent</h2><table><tr><th>intent</th><th>phrases</th><th>precision</th><th>recall</th><th>F1</th></tr>
            """);
        foreach (var score in report.Intents)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(score.Name)}</td><td>{score.Support}</td><td>{score.Precision:F2}</td><td>{score.Recall:F2}</td><td>{score.F1:F2}</td></tr>");
        html.Append("</table><h2>Confusion matrix</h2><table class=\"matrix\" id=\"confusion\"><tr><th>has \\ said</th>");
        foreach (var intent in intents)
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(intent)}</th>");
        html.Append("</tr>");
        foreach (var expected in intents)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(expected)}</td>");
            foreach (var predicted in intents)
            {
                var count = cells.GetValueOrDefault((expected, predicted));
                var shade = count == 0 ? "#fff" : expected == predicted
                    ? $"rgba(47,158,122,{0.15 + 0.85 * count / max:F2})" : $"rgba(216,85,59,{0.15 + 0.85 * count / max:F2})";
                html.Append(CultureInfo.InvariantCulture, $"<td style=\"background:{shade}\" title=\"{E(expected)} → {E(predicted)}\">{(count == 0 ? "" : count)}</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</table><h2>Misses</h2><table><tr><th>phrase</th><th>has</th><th>said</th><th>confidence</th></tr>");
        foreach (var miss in report.Errors)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(miss.Text)}</td><td>{E(miss.Expected)}</td><td>{E(miss.Predicted)}</td><td>{miss.Confidence:F2}</td></tr>");
        html.Append("</table></body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
