using Microsoft.Extensions.Logging;

namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>Keeps every log entry at Error (or the given level) or above, with its category and exception, for a test to assert on.</summary>
public sealed class ErrorLogCollector(LogLevel minimum = LogLevel.Error) : ILoggerProvider
{
    private readonly List<string> _errors = [];
    private readonly LogLevel _minimum = minimum;

    public IReadOnlyList<string> Errors
    {
        get { lock (_errors) return _errors.ToList(); }
    }

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(ErrorLogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            lock (owner._errors)
                owner._errors.Add($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
