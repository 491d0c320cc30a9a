using Amazon;
using Amazon.S3;

namespace ChatbotPipeline.Backends.Objects;

/// <summary>Builds the S3 client from <see cref="S3ObjectsOptions"/>; credentials come from the AWS default chain.</summary>
public static class S3ClientFactory
{
    public static IAmazonS3 Create(S3ObjectsOptions options)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        return new AmazonS3Client(config);
    }
}
