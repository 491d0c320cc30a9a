namespace ChatbotPipeline.Nlu.Intents.Encoders;

/// <summary>
/// Latin letters with diacritics folded to their base letter ("Café" → "Cafe"), as BERT's uncased tokenizer strips
/// accents. Done here rather than by Unicode normalization, which the hosts' invariant globalization does not offer:
/// the same text must give the same tokens on every host, or a model would be served other vectors than it was
/// trained on. Covers Latin-1 Supplement and Latin Extended-A (generated from Unicode's decompositions).
/// </summary>
public static class AccentFolding
{
    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž";
    private const string Plain = "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZz";
    private const char First = '\u00C0';
    private static readonly char[] Map = BuildMap();

    public static string Fold(string text)
    {
        var at = text.AsSpan().IndexOfAnyInRange(First, (char)(First + Map.Length - 1));
        if (at < 0)
            return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                var index = c - First;
                span[i] = index >= 0 && index < Map.Length && Map[index] != '\0' ? Map[index] : c;
            }
        });
    }

    private static char[] BuildMap()
    {
        var map = new char[Accented[^1] - First + 1];
        for (var i = 0; i < Accented.Length; i++)
            map[Accented[i] - First] = Plain[i];
        return map;
    }
}
