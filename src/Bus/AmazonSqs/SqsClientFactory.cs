using Amazon;
using Amazon.SQS;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>Builds the SQS client from <see cref="AmazonSqsOptions"/>.</summary>
public static class SqsClientFactory
{
    public static IAmazonSQS Create(AmazonSqsOptions options)
    {
        var config = new AmazonSQSConfig();
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        return new AmazonSQSClient(config);
    }
}
