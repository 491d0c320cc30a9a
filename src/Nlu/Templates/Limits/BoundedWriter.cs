using System.Text;

namespace ChatbotPipeline.Nlu.Templates.Limits;

/// <summary>Collects a render's output and stops it at the budget's character limit or deadline.</summary>
public sealed class BoundedWriter(RenderBudget budget) : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.Unicode;

    public override void Write(char value) => Append(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Append(value);

    public override void Write(char[] buffer, int index, int count) => Append(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Append(buffer);

    public override Task WriteAsync(char value) { Write(value); return Task.CompletedTask; }

    public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }

    public override Task WriteAsync(char[] buffer, int index, int count) { Write(buffer, index, count); return Task.CompletedTask; }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) { Write(buffer.Span); return Task.CompletedTask; }

    public override string ToString() => _text.ToString();

    private void Append(ReadOnlySpan<char> text)
    {
        budget.CheckLength(_text.Length + (long)text.Length, "The output");
        _text.Append(text);
    }
}
