using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace ChatbotPipeline.Nlu.Intents.Encoders;

/// <summary>
/// Dynamic int8 quantization of an ONNX graph, as ONNX Runtime's own dynamic quantizer does it: every <c>MatMul</c>
/// whose right side is a constant 2-D float weight becomes a <c>DynamicQuantizeMatMul</c> (com.microsoft) with that
/// weight in int8, one symmetric scale per output column; activations are quantized per run. A constant bias added
/// right after goes into the same node (one kernel instead of two per matrix). Deterministic: the same graph in gives
/// the same bytes out, so the result's hash names it.
/// </summary>
public static class Int8Quantizer
{
    private const string MicrosoftDomain = "com.microsoft";

    /// <summary>The quantized graph, and how many weights were quantized.</summary>
    public static (byte[] Graph, int Quantized) Quantize(Stream graph)
    {
        var model = ModelProto.Parser.ParseFrom(graph);
        var weights = model.Graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var uses = model.Graph.Node.SelectMany(n => n.Input).GroupBy(i => i, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var quantized = 0;
        for (var i = 0; i < model.Graph.Node.Count; i++)
        {
            var node = model.Graph.Node[i];
            if (node.OpType != "MatMul" || node.Input.Count != 2 || !weights.TryGetValue(node.Input[1], out var weight) || !IsFloatMatrix(weight))
                continue;
            var (values, scales, zeros) = PerColumn(weight);
            model.Graph.Initializer.Add(values);
            model.Graph.Initializer.Add(scales);
            model.Graph.Initializer.Add(zeros);
            var replacement = new NodeProto { Name = $"{node.Name}_int8", OpType = "DynamicQuantizeMatMul", Domain = MicrosoftDomain };
            replacement.Input.Add([node.Input[0], values.Name, scales.Name, zeros.Name]);
            replacement.Output.Add(node.Output);
            if (BiasAddedTo(model.Graph, node.Output[0], weights, (int)weight.Dims[1]) is var (add, bias))
            {
                replacement.Input.Add(bias);
                replacement.Output[0] = add.Output[0];
                model.Graph.Node.Remove(add);
            }
            model.Graph.Node[i] = replacement;
            if (--uses[weight.Name] == 0)
                model.Graph.Initializer.Remove(weight);
            quantized++;
        }
        if (quantized > 0 && !model.OpsetImport.Any(o => o.Domain == MicrosoftDomain))
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MicrosoftDomain, Version = 1 });
        return (model.ToByteArray(), quantized);
    }

    /// <summary>The <c>Add</c> of a constant vector that alone reads <paramref name="output"/>, and that vector's name.</summary>
    private static (NodeProto Add, string Bias)? BiasAddedTo(GraphProto graph, string output, Dictionary<string, TensorProto> constants, int columns)
    {
        var readers = graph.Node.Where(n => n.Input.Contains(output)).ToList();
        if (readers is not [{ OpType: "Add", Input.Count: 2 } add] || graph.Output.Any(o => o.Name == output))
            return null;
        var other = add.Input[0] == output ? add.Input[1] : add.Input[0];
        return constants.TryGetValue(other, out var bias) && bias.Dims.Count == 1 && bias.Dims[0] == columns
               && bias.DataType == (int)TensorProto.Types.DataType.Float
            ? (add, other)
            : null;
    }

    private static bool IsFloatMatrix(TensorProto tensor) =>
        tensor.Dims.Count == 2 && tensor.DataType == (int)TensorProto.Types.DataType.Float;

    /// <summary>Int8 values in [-127, 127] with one scale per column (zero point 0), the layout the kernel takes.</summary>
    private static (TensorProto Values, TensorProto Scales, TensorProto Zeros) PerColumn(TensorProto weight)
    {
        int rows = (int)weight.Dims[0], columns = (int)weight.Dims[1];
        var data = weight.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(weight.RawData.Span) : weight.FloatData.ToArray();
        var scales = new float[columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                scales[c] = Math.Max(scales[c], Math.Abs(data[r * columns + c]));
        for (var c = 0; c < columns; c++)
            scales[c] = scales[c] == 0 ? 1 : scales[c] / 127f;
        var values = new sbyte[rows * columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                values[r * columns + c] = (sbyte)Math.Clamp(MathF.Round(data[r * columns + c] / scales[c]), -127, 127);
        return (
            Tensor($"{weight.Name}_int8", TensorProto.Types.DataType.Int8, MemoryMarshal.AsBytes(values.AsSpan()), rows, columns),
            Tensor($"{weight.Name}_scale", TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(scales.AsSpan()), columns),
            Tensor($"{weight.Name}_zero", TensorProto.Types.DataType.Int8, new byte[columns], columns));
    }

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, ReadOnlySpan<byte> raw, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.Add(dims);
        return tensor;
    }
}
