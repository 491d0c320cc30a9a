using System.Collections;
using System.Reflection;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Objects;
using ChatbotPipeline.Bus;
using ChatbotPipeline.Channels;
using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Consumers;
using ChatbotPipeline.Consumers.Nlu;
using ChatbotPipeline.Consumers.Notifications;
using ChatbotPipeline.Consumers.Records;
using ChatbotPipeline.Ingress;
using ChatbotPipeline.Ingress.Admin;
using ChatbotPipeline.Ingress.Seeding;
using ChatbotPipeline.Training;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotPipeline.Deploy.Tests;

/// <summary>
/// Whether an environment variable is a configuration key the hosts read: its path walks the options classes they
/// bind (lists take indices, dictionaries any key), or it is one of the platform's own settings.
/// </summary>
internal static class ConfigurationKeys
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [BusOptions.Section] = typeof(BusOptions),
        [DocumentsOptions.Section] = typeof(DocumentsOptions),
        [CacheOptions.Section] = typeof(CacheOptions),
        [ObjectsOptions.Section] = typeof(ObjectsOptions),
        [IngressOptions.Section] = typeof(IngressOptions),
        [AdminOptions.Section] = typeof(AdminOptions),
        [SeedOptions.Section] = typeof(SeedOptions),
        [NluOptions.Section] = typeof(NluOptions),
        [NotificationOptions.Section] = typeof(NotificationOptions),
        [TrainingOptions.Section] = typeof(TrainingOptions),
        [ConsumersOptions.Section] = typeof(ConsumersOptions),
        [RecordBatchOptions.Section] = typeof(RecordBatchOptions),
        [ChatbotPipeline.Consumers.Actions.ActionOptions.Section] = typeof(ChatbotPipeline.Consumers.Actions.ActionOptions),
        [ChatbotPipeline.Consumers.Exports.ExportOptions.Section] = typeof(ChatbotPipeline.Consumers.Exports.ExportOptions),
    };

    /// <summary>What the registered channels bind under <c>Channels</c>: <c>Channels:{Section}</c> and <c>Channels:Bots:{bot}:{Section}</c>.</summary>
    private static readonly Dictionary<string, Type> ChannelSections = new ServiceCollection().AddPlatformChannels()
        .Where(service => service.ImplementationInstance is ChannelSettingsSection)
        .Select(service => (ChannelSettingsSection)service.ImplementationInstance!)
        .ToDictionary(section => section.Section, section => section.SettingsType, StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> PlatformKeys = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "DOTNET_gcServer"];

    public static bool IsKnown(string environmentVariable)
    {
        if (PlatformKeys.Contains(environmentVariable) || environmentVariable.StartsWith("Logging__LogLevel__", StringComparison.Ordinal))
            return true;
        var path = environmentVariable.Split("__");
        if (path[0].Equals(ChannelSettingsRegistration.Root, StringComparison.OrdinalIgnoreCase))
            return IsChannelKey(path.AsSpan(1));
        return Sections.TryGetValue(path[0], out var type) && Walk(type, path.AsSpan(1));
    }

    private static bool IsChannelKey(ReadOnlySpan<string> path)
    {
        if (path.Length >= 2 && path[0].Equals("Bots", StringComparison.OrdinalIgnoreCase))
            path = path[2..];
        return path.Length > 0 && ChannelSections.TryGetValue(path[0], out var settings) && Walk(settings, path[1..]);
    }

    private static bool Walk(Type type, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty)
            return IsScalar(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return Walk(type.GetGenericArguments()[1], path[1..]);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            return int.TryParse(path[0], out var index) && index >= 0 && Walk(type.GetGenericArguments()[0], path[1..]);
        if (IsScalar(type) || typeof(IEnumerable).IsAssignableFrom(type))
            return false;
        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { CanWrite: true } && Walk(property.PropertyType, path[1..]);
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal);
    }
}
