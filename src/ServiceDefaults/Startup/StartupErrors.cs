using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.ServiceDefaults.Startup;

/// <summary>
/// Runs a host's start-up and turns a configuration mistake into the one line an operator needs — the key, the value
/// it has, what is accepted — and exit code <see cref="ExitCode"/> instead of an unhandled exception with a stack.
/// Anything else still propagates: a bug should keep its stack trace.
/// </summary>
public static partial class StartupErrors
{
    /// <summary>EX_CONFIG from sysexits.h: "something was found in an unconfigured or misconfigured state".</summary>
    public const int ExitCode = 78;

    /// <param name="program">The host's assembly. Only when it is the process's entry point does a configuration error
    /// become a line and an exit code; started by another program (a test's WebApplicationFactory) the exception goes
    /// to that caller, which is the one to handle it.</param>
    public static async Task<int> RunAsync(System.Reflection.Assembly program, Func<Task<int>> host, TextWriter? error = null)
    {
        try
        {
            return await host();
        }
        catch (Exception exception) when (System.Reflection.Assembly.GetEntryAssembly() == program && Describe(exception) is { } line)
        {
            (error ?? Console.Error).WriteLine(line);
            return ExitCode;
        }
    }

    /// <summary>
    /// Runs every options validation registered with <c>ValidateOnStart</c> now, before the host starts: a failure then
    /// stops the process before the bus connects, so the configuration error is the only line it prints.
    /// </summary>
    public static void ValidateSettings(this IHost host) => host.Services.GetService<IStartupValidator>()?.Validate();

    /// <summary>The one-line explanation of a configuration error, or null when the exception is not one.</summary>
    public static string? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OptionsValidationException invalid:
                    return "Configuration error: " + string.Join(" ", invalid.Failures.Select(failure => Failure(invalid.OptionsType, failure)));
                case InvalidConfigurationException named:
                    return "Configuration error: " + named.Message;
                case InvalidOperationException conversion when ConversionFailure().Match(conversion.Message) is { Success: true } match:
                    return Conversion(match.Groups["value"].Value, match.Groups["key"].Value, match.Groups["type"].Value);
            }
            if (e is AggregateException { InnerExceptions.Count: 1 } single)
                return Describe(single.InnerExceptions[0]);
        }
        return null;
    }

    // DataAnnotation failures wrap the attribute's message; it helps with the key, the value and the variable to change.
    private static string Failure(Type options, string failure)
    {
        if (DataAnnotationFailure().Match(failure) is not { Success: true } match)
            return failure;
        var message = match.Groups["message"].Value;
        if (options.GetField("Section")?.GetValue(null) is not string section || match.Groups["member"].Value is not { Length: > 0 } member)
            return message;
        var key = $"{section}:{member}";
        var variable = key.Replace(":", "__", StringComparison.Ordinal);
        // Messages written for operators already name their key; the attributes' defaults name only the member.
        if (message.Contains(key, StringComparison.Ordinal) || message.Contains(variable, StringComparison.Ordinal))
            return message;
        var value = Environment.GetEnvironmentVariable(variable);
        return $"{key}{(value is null ? "" : $" is '{value}'")}: {message} (environment variable {variable}).";
    }

    private static string Conversion(string value, string key, string typeName)
    {
        var declared = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null)
            ?? Type.GetType(typeName);
        var type = declared is null ? null : Nullable.GetUnderlyingType(declared) ?? declared;
        var accepted = type switch
        {
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(TimeSpan) => "a time span such as 00:00:30",
            { IsPrimitive: true } => $"a number ({type.Name})",
            _ => $"a {type?.Name ?? typeName}",
        };
        return $"Configuration error: {key} is '{value}'; use {accepted} (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}).";
    }

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();

    [GeneratedRegex("'(?<member>[A-Za-z0-9_.]+)' with the error: '(?<message>.*)'\\.?$")]
    private static partial Regex DataAnnotationFailure();
}

/// <summary>A setting that is wrong in a way options validation cannot say (e.g. chosen from several keys at once).</summary>
public sealed class InvalidConfigurationException(string message) : Exception(message);
