using ChatbotPipeline.Consumers;
using k8s.Models;

namespace ChatbotPipeline.Deploy.Tests;

/// <summary>The Helm chart renders manifests Kubernetes accepts, wired to the configuration the code reads.</summary>
public sealed class ChartTests
{
    [Fact]
    public async Task The_chart_lints_with_and_without_keda() =>
        Assert.Contains("0 chart(s) failed", await Helm.RunAsync("lint", Helm.Chart, "-f", Helm.KedaRabbitMqValues) + await Helm.RunAsync("lint", Helm.Chart));

    [Fact]
    public async Task Defaults_render_ingress_a_deployment_per_consumer_group_and_one_trainer()
    {
        var chart = await RenderedChart.RenderAsync();

        Assert.Equal(
            ["chatbot-chatbot-pipeline-consumers-actions", "chatbot-chatbot-pipeline-consumers-exports", "chatbot-chatbot-pipeline-consumers-nlu", "chatbot-chatbot-pipeline-consumers-notification", "chatbot-chatbot-pipeline-consumers-records",
             "chatbot-chatbot-pipeline-ingress", "chatbot-chatbot-pipeline-training"],
            chart.Deployments.Select(d => d.Metadata.Name).Order());
        Assert.Single(chart.All<V1Service>());
        Assert.Single(chart.All<V1ConfigMap>());
        Assert.Single(chart.All<V1Secret>());
        Assert.Single(chart.All<V1ServiceAccount>());
        Assert.Empty(chart.All<ScaledObject>());
        Assert.Empty(chart.All<V1Ingress>());
    }

    [Fact]
    public async Task Every_environment_variable_is_a_configuration_key_the_code_reads()
    {
        var chart = await RenderedChart.RenderAsync("--set", "secrets.Admin__ApiKey=0123456789abcdef", "--set", "secrets.Documents__MongoDb__ConnectionString=mongodb://db");

        var keys = chart.EnvironmentKeys.ToList();

        Assert.Contains("Consumers__Queues__0", keys);
        Assert.Contains("Admin__ApiKey", keys);
        Assert.All(keys, key => Assert.True(ConfigurationKeys.IsKnown(key), $"{key} is not a configuration key any host reads."));
    }

    [Theory]
    [InlineData("Bus__RabitMq__Host")]
    [InlineData("Cache__Redis")]
    [InlineData("Consumers__Queues__first")]
    [InlineData("Storage__Path")]
    public void The_key_check_refuses_what_no_host_reads(string key) => Assert.False(ConfigurationKeys.IsKnown(key));

    [Fact]
    public async Task Every_host_runs_its_own_assembly_with_health_probes_and_shared_configuration()
    {
        var chart = await RenderedChart.RenderAsync();

        foreach (var deployment in chart.Deployments)
        {
            var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
            var host = container.WorkingDir.Split('/').Last();
            Assert.Contains($"/app/{host}/ChatbotPipeline.", container.Command[1]);
            Assert.Equal("/health/live", container.LivenessProbe.HttpGet.Path);
            Assert.Equal("/health/ready", container.ReadinessProbe.HttpGet.Path);
            Assert.Equal(8080, Assert.Single(container.Ports).ContainerPort);
            Assert.Equal(["chatbot-chatbot-pipeline-config"], container.EnvFrom.Where(e => e.ConfigMapRef is not null).Select(e => e.ConfigMapRef.Name));
            Assert.NotNull(container.Resources.Requests);
            Assert.Equal("chatbot-chatbot-pipeline", deployment.Spec.Template.Spec.ServiceAccountName);
            Assert.Equal(deployment.Spec.Selector.MatchLabels, deployment.Spec.Template.Metadata.Labels);
        }
        var ingress = chart.Deployment("ingress").Spec.Template.Spec.Containers[0];
        // The thin Ingress, not the all-in-one host: the workers run in their own deployments.
        Assert.Equal("/app/ingress/ChatbotPipeline.Ingress.dll", ingress.Command[1]);
        Assert.Equal(chart.All<V1Service>().Single().Spec.Selector, chart.Deployment("ingress").Spec.Selector.MatchLabels);
    }

    [Fact]
    public async Task Each_consumer_group_works_known_queues_and_the_trainer_never_runs_twice()
    {
        var chart = await RenderedChart.RenderAsync();

        var queues = chart.Deployments.Where(d => d.Metadata.Name.Contains("-consumers-", StringComparison.Ordinal))
            .SelectMany(d => d.Spec.Template.Spec.Containers[0].Env.Where(e => e.Name.StartsWith("Consumers__Queues__", StringComparison.Ordinal)))
            .Select(e => e.Value).ToList();
        Assert.Equal(ConsumersOptions.KnownQueues.Order(), queues.Order());
        var training = chart.Deployment("training").Spec;
        Assert.Equal((1, "Recreate"), (training.Replicas, training.Strategy.Type));
    }

    [Fact]
    public async Task With_keda_each_consumer_deployment_scales_on_its_own_queues()
    {
        var chart = await RenderedChart.RenderAsync("-f", Helm.KedaRabbitMqValues);

        var scaled = chart.All<ScaledObject>().ToList();
        var consumers = chart.Deployments.Where(d => d.Metadata.Name.Contains("-consumers-", StringComparison.Ordinal)).ToList();
        Assert.Equal(consumers.Select(d => d.Metadata.Name).Order(), scaled.Select(s => s.Spec.ScaleTargetRef.Name).Order());
        var authentication = Assert.Single(chart.All<TriggerAuthentication>());
        foreach (var scaledObject in scaled)
        {
            var deployment = consumers.Single(d => d.Metadata.Name == scaledObject.Spec.ScaleTargetRef.Name);
            var worked = deployment.Spec.Template.Spec.Containers[0].Env.Where(e => e.Name.StartsWith("Consumers__Queues__", StringComparison.Ordinal)).Select(e => e.Value);
            Assert.Equal(worked, scaledObject.Spec.Triggers.Select(t => t.Metadata["queueName"]));
            Assert.All(scaledObject.Spec.Triggers, t => Assert.Equal(("rabbitmq", authentication.Metadata.Name), (t.Type, t.AuthenticationRef.Name)));
            Assert.InRange(scaledObject.Spec.MinReplicaCount, 1, scaledObject.Spec.MaxReplicaCount);
            // KEDA owns the replica count: a fixed one in the Deployment would reset it on every upgrade.
            Assert.Null(deployment.Spec.Replicas);
        }
        Assert.Equal("chatbot-rabbitmq-keda", Assert.Single(authentication.Spec.SecretTargetRef).Name);
    }

    [Fact]
    public async Task Training_workers_scale_from_zero_on_the_training_backlog_and_run_no_schedule()
    {
        var chart = await RenderedChart.RenderAsync("-f", Helm.KedaRabbitMqValues, "--set", "training.workers.enabled=true");

        var workers = chart.Deployment("training-workers").Spec;
        var scaled = chart.All<ScaledObject>().Single(s => s.Spec.ScaleTargetRef.Name.EndsWith("-training-workers", StringComparison.Ordinal));
        Assert.Contains(workers.Template.Spec.Containers[0].Env, e => (e.Name, e.Value) == ("Training__Schedule", "false"));
        Assert.Null(workers.Replicas);
        Assert.Equal((0, "training"), (scaled.Spec.MinReplicaCount, Assert.Single(scaled.Spec.Triggers).Metadata["queueName"]));
        // The scheduler stays one, whatever the workers do.
        Assert.Equal((1, "Recreate"), (chart.Deployment("training").Spec.Replicas, chart.Deployment("training").Spec.Strategy.Type));
        Assert.All(chart.EnvironmentKeys, key => Assert.True(ConfigurationKeys.IsKnown(key), $"{key} is not a configuration key any host reads."));
    }

    [Fact]
    public async Task On_sqs_each_consumer_group_scales_on_its_queue_urls_through_pod_identity()
    {
        var chart = await RenderedChart.RenderAsync("-f", Helm.KedaSqsValues, "--set-string", "keda.aws.accountId=123456789012");

        var authentication = Assert.Single(chart.All<TriggerAuthentication>());
        Assert.Equal("aws", authentication.Spec.PodIdentity?.Provider);
        Assert.Empty(authentication.Spec.SecretTargetRef);
        foreach (var scaledObject in chart.All<ScaledObject>())
        {
            var deployment = chart.Deployments.Single(d => d.Metadata.Name == scaledObject.Spec.ScaleTargetRef.Name);
            var worked = deployment.Spec.Template.Spec.Containers[0].Env.Where(e => e.Name.StartsWith("Consumers__Queues__", StringComparison.Ordinal)).Select(e => e.Value);
            Assert.Equal(worked.Select(queue => $"https://sqs.us-east-1.amazonaws.com/123456789012/prod-{queue}.fifo"),
                scaledObject.Spec.Triggers.Select(t => t.Metadata["queueURL"]));
            Assert.All(scaledObject.Spec.Triggers, t => Assert.Equal(("aws-sqs-queue", "us-east-1"), (t.Type, t.Metadata["awsRegion"])));
        }
        Assert.Equal("AmazonSqs", chart.All<V1ConfigMap>().Single().Data["Bus__Transport"]);
        Assert.All(chart.EnvironmentKeys, key => Assert.True(ConfigurationKeys.IsKnown(key), $"{key} is not a configuration key any host reads."));
    }

    [Fact]
    public async Task The_service_account_carries_the_iam_role_and_the_http_ingress_is_optional()
    {
        var chart = await RenderedChart.RenderAsync("--set", "serviceAccount.iamRoleArn=arn:aws:iam::123456789012:role/chatbot",
            "--set", "httpIngress.enabled=true", "--set", "httpIngress.host=bot.example.com");

        Assert.Equal("arn:aws:iam::123456789012:role/chatbot", chart.All<V1ServiceAccount>().Single().Metadata.Annotations["eks.amazonaws.com/role-arn"]);
        var rule = Assert.Single(chart.All<V1Ingress>().Single().Spec.Rules);
        Assert.Equal("bot.example.com", rule.Host);
    }

    [Theory]
    [InlineData("consumers.groups.nlu.queues={everything}")]
    [InlineData("serviceAccount.iamRoleArn=not-an-arn")]
    [InlineData("keda.trigger=cron")]
    [InlineData("keda.aws.accountId=not-an-account")]
    public async Task Values_outside_the_schema_are_refused(string setting)
    {
        var (exitCode, _, error) = await Helm.TryRunAsync("template", "chatbot", Helm.Chart, "--set", setting);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("schema", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_image_restores_every_host_project_before_copying_the_code()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Helm.RepositoryRoot, "Dockerfile"));

        foreach (var project in Directory.GetDirectories(Path.Combine(Helm.RepositoryRoot, "src")).Select(Path.GetFileName))
            Assert.Contains($"COPY src/{project}/*.csproj src/{project}/", dockerfile);
        foreach (var host in new[] { "Ingress", "Consumers", "Training" })
            Assert.Contains($"dotnet publish src/{host} ", dockerfile);
    }
}
