using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.ServiceDefaults.Channels;

public static class ChannelsExtensions
{
    /// <summary>Binds <see cref="ChannelOptions"/> once, whichever host (Ingress, Consumers or both in one process) asks first.</summary>
    public static IHostApplicationBuilder AddChannelOptions(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(service => service.ServiceType == typeof(IValidateOptions<ChannelOptions>)))
            return builder;
        builder.Services.AddOptions<ChannelOptions>().BindConfiguration(ChannelOptions.Section)
            .Validate(options => ChannelOptionsCheck.BadApiUrl(options) is null,
                "Channels: every ApiBaseUrl/GraphApiBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        return builder;
    }
}
