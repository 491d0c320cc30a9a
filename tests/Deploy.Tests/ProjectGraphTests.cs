using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ChatbotPipeline.Deploy.Tests;

/// <summary>
/// The deployment shape is in the project references: the thin Ingress compiles no worker, only the all-in-one host
/// composes the three; and docs/ARCHITECTURE.md's project table says what the <c>.csproj</c> files say.
/// </summary>
public sealed partial class ProjectGraphTests
{
    private static readonly string Source = Path.Combine(Helm.RepositoryRoot, "src");

    [Fact]
    public void The_thin_ingress_references_neither_the_consumers_nor_the_trainer()
    {
        var references = References("Ingress");

        Assert.DoesNotContain("Consumers", references);
        Assert.DoesNotContain("Training", references);
        Assert.Equal(["Consumers", "Ingress", "Training"], References("Host").Order());
    }

    [Fact]
    public void The_architecture_documents_project_table_names_each_projects_references()
    {
        var projects = Directory.GetDirectories(Source).Where(d => Directory.EnumerateFiles(d, "*.csproj").Any()).Select(Path.GetFileName).ToHashSet()!;
        var table = File.ReadLines(Path.Combine(Helm.RepositoryRoot, "docs", "ARCHITECTURE.md"))
            .SkipWhile(line => line != "## Projects").TakeWhile(line => !line.StartsWith("Each host", StringComparison.Ordinal))
            .Select(line => TableRow().Match(line)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["project"].Value, m => m.Groups["depends"].Value.Split(',', StringSplitOptions.TrimEntries).Where(projects.Contains).Order().ToList());

        Assert.Equal(projects.Order(), table.Keys.Order());
        foreach (var project in projects)
            Assert.True(References(project!).Order().SequenceEqual(table[project!]),
                $"{project}: the .csproj references [{string.Join(", ", References(project!).Order())}], the table says [{string.Join(", ", table[project!])}]");
    }

    private static List<string> References(string project) =>
        XDocument.Load(Directory.EnumerateFiles(Path.Combine(Source, project), "*.csproj").Single())
            .Descendants("ProjectReference")
            .Select(reference => Path.GetFileName(Path.GetDirectoryName(reference.Attribute("Include")!.Value.Replace('\\', '/')))!)
            .ToList();

    [GeneratedRegex(@"^\| `(?<project>\w+)` \| (?<depends>[^|]*) \|")]
    private static partial Regex TableRow();
}
