using k8s.Models;

namespace ChatbotPipeline.Deploy.Tests;

// The parts of KEDA's custom resources the chart renders; strict parsing fails on any field not modelled here.

public sealed class ScaledObject
{
    public string ApiVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public V1ObjectMeta Metadata { get; set; } = new();
    public ScaledObjectSpec Spec { get; set; } = new();
}

public sealed class ScaledObjectSpec
{
    public ScaleTarget ScaleTargetRef { get; set; } = new();
    public int MinReplicaCount { get; set; }
    public int MaxReplicaCount { get; set; }
    public int CooldownPeriod { get; set; }
    public int PollingInterval { get; set; }
    public List<ScaleTrigger> Triggers { get; set; } = [];
}

public sealed class ScaleTarget
{
    public string Name { get; set; } = "";
}

public sealed class ScaleTrigger
{
    public string Type { get; set; } = "";
    public ScaleTarget AuthenticationRef { get; set; } = new();
    public Dictionary<string, string> Metadata { get; set; } = [];
}

public sealed class TriggerAuthentication
{
    public string ApiVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public V1ObjectMeta Metadata { get; set; } = new();
    public TriggerAuthenticationSpec Spec { get; set; } = new();
}

public sealed class TriggerAuthenticationSpec
{
    public List<SecretTargetRef> SecretTargetRef { get; set; } = [];
    public PodIdentity? PodIdentity { get; set; }
}

public sealed class PodIdentity
{
    public string Provider { get; set; } = "";
}

public sealed class SecretTargetRef
{
    public string Parameter { get; set; } = "";
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
}
