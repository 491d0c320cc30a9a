namespace ChatbotPipeline.Backends.Tests;

/// <summary>
/// Where the servers for backend tests are, from the environment <c>.ci/run</c> sets. A test whose server is not
/// configured is reported as skipped, never passed.
/// </summary>
public static class TestServices
{
    public static string? Redis => Environment.GetEnvironmentVariable("REDIS_CONFIGURATION");

    /// <summary>A MongoDB server; no package here ships one, so CI reports the Mongo contract tests as skipped unless this is set.</summary>
    public static string? MongoUri => Environment.GetEnvironmentVariable("MONGODB_URI");

    public static string? S3ServiceUrl => Environment.GetEnvironmentVariable("S3_SERVICE_URL");

    public static string Require(string? value, string variable)
    {
        Assert.SkipWhen(string.IsNullOrEmpty(value), $"{variable} is not set: no server to run this backend's tests against.");
        return value!;
    }
}
