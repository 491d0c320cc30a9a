using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.ServiceDefaults.Channels;

public static class ChannelsExtensions
{
    /// <summary>Binds <see cref="ChannelOptions"/> once, whichever host (Ingress, Consumers or both in one process) asks first.</summary>
    public static IHostApplicationBuilder AddChannelOptions(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(service => service.ImplementationType == typeof(ChannelOptionsValidation)))
            return builder;
        builder.Services.AddOptions<ChannelOptions>().BindConfiguration(ChannelOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChannelOptions>, ChannelOptionsValidation>());
        return builder;
    }
}
