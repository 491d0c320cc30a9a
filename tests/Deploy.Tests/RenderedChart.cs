using k8s;
using k8s.Models;

namespace ChatbotPipeline.Deploy.Tests;

/// <summary>A rendered chart, parsed strictly: a field Kubernetes (or KEDA) would not know fails the parse.</summary>
internal sealed class RenderedChart
{
    private static readonly Dictionary<string, Type> CustomResources = new()
    {
        ["keda.sh/v1alpha1/ScaledObject"] = typeof(ScaledObject),
        ["keda.sh/v1alpha1/TriggerAuthentication"] = typeof(TriggerAuthentication),
    };

    private RenderedChart(List<object> objects) => Objects = objects;

    public List<object> Objects { get; }

    public static async Task<RenderedChart> RenderAsync(params string[] arguments) =>
        new(KubernetesYaml.LoadAllFromString(await Helm.TemplateAsync(arguments), CustomResources, strict: true));

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public IEnumerable<V1Deployment> Deployments => All<V1Deployment>();

    public V1Deployment Deployment(string suffix) => Assert.Single(Deployments, d => d.Metadata.Name == $"chatbot-chatbot-pipeline-{suffix}");

    /// <summary>Every environment variable any host gets: the ConfigMap's, the Secret's and each container's own.</summary>
    public IEnumerable<string> EnvironmentKeys =>
        All<V1ConfigMap>().SelectMany(c => c.Data?.Keys ?? [])
            .Concat(All<V1Secret>().SelectMany(s => (s.StringData?.Keys ?? []).Concat(s.Data?.Keys ?? [])))
            .Concat(Deployments.SelectMany(d => d.Spec.Template.Spec.Containers).SelectMany(c => c.Env ?? []).Select(e => e.Name));
}
