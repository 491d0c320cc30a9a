using ChatbotPipeline.Bus.AmazonSqs;

namespace ChatbotPipeline.Tests.Shared.Sqs;

/// <summary>The fauxqs emulator <c>.ci/services.sh</c> starts (<c>SQS_SERVICE_URL</c>); tests are skipped without it.</summary>
public static class SqsEmulator
{
    /// <summary>Settings on the emulator with a queue-name prefix of this test's own, so tests never share a queue.</summary>
    public static AmazonSqsOptions Options(int maxReceiveCount = 5, int visibilityTimeoutSeconds = 30)
    {
        var serviceUrl = Environment.GetEnvironmentVariable("SQS_SERVICE_URL");
        Assert.SkipWhen(string.IsNullOrEmpty(serviceUrl), "SQS_SERVICE_URL is not set: no SQS emulator to run against.");
        return new AmazonSqsOptions
        {
            ServiceUrl = serviceUrl!,
            QueueNamePrefix = $"t{Guid.NewGuid():N}"[..12] + "-",
            MaxReceiveCount = maxReceiveCount,
            VisibilityTimeoutSeconds = visibilityTimeoutSeconds,
        };
    }
}
