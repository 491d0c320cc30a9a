using ChatbotPipeline.Bus;
using ChatbotPipeline.ServiceDefaults.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Tests.Startup;

/// <summary>How a configuration mistake is put into one line; the hosts print it (see the Ingress tests' StartupErrorTests).</summary>
public sealed class StartupErrorsTests
{
    private sealed class Sample
    {
        public BusTransport? Transport { get; set; }
        public int Port { get; set; }
        public bool Enabled { get; set; }
    }

    private static Exception Binding(string key, string value) => Assert.ThrowsAny<Exception>(() =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Sample:{key}"] = value }).Build()
            .GetSection("Sample").Get<Sample>());

    [Theory]
    [InlineData("Transport", "Kafka", "Configuration error: Sample:Transport is 'Kafka'; use one of InMemory, RabbitMq, AmazonSqs (environment variable Sample__Transport).")]
    [InlineData("Port", "eighty", "Configuration error: Sample:Port is 'eighty'; use a number (Int32) (environment variable Sample__Port).")]
    [InlineData("Enabled", "yes please", "Configuration error: Sample:Enabled is 'yes please'; use true or false (environment variable Sample__Enabled).")]
    public void A_value_that_does_not_convert_names_the_key_and_what_it_accepts(string key, string value, string line) =>
        Assert.Equal(line, StartupErrors.Describe(Binding(key, value)));

    [Fact]
    public void A_failed_validation_is_its_messages_without_the_data_annotation_wrapping()
    {
        var failure = new OptionsValidationException("Admin", typeof(object),
            ["DataAnnotation validation failed for 'AdminOptions' members: 'ApiKey' with the error: 'Admin:ApiKey must be set (env Admin__ApiKey).'."]);

        Assert.Equal("Configuration error: Admin:ApiKey must be set (env Admin__ApiKey).", StartupErrors.Describe(new AggregateException(failure)));
    }

    [Fact]
    public void Anything_else_is_not_a_configuration_error_and_keeps_its_stack() =>
        Assert.Null(StartupErrors.Describe(new InvalidOperationException("A bug.")));
}
