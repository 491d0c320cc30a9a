using System.Runtime.InteropServices;

namespace ChatbotPipeline.Nlu.Storage;

/// <summary>Float arrays in model files: a length, then the raw little-endian values, read back in one pass.</summary>
internal static class FloatArrays
{
    public static void Write(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <exception cref="EndOfStreamException">The stream ends before the array does.</exception>
    public static float[] Read(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length)
            throw new InvalidDataException($"A float array claims {length} values.");
        var values = new float[length];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        while (bytes.Length > 0)
        {
            var read = reader.Read(bytes);
            if (read == 0)
                throw new EndOfStreamException("The model file ends inside an array.");
            bytes = bytes[read..];
        }
        return values;
    }
}
