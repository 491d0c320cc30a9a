using System.ComponentModel.DataAnnotations;

namespace ChatbotPipeline.Backends.Objects;

/// <summary>Where models and exports are kept (section <c>Objects</c>).</summary>
public sealed class ObjectsOptions
{
    public const string Section = "Objects";

    /// <summary>Which object store to use. Default <see cref="ObjectsProvider.FileSystem"/>.</summary>
    public ObjectsProvider Provider { get; set; } = ObjectsProvider.FileSystem;

    /// <summary>Settings of the local-folder store.</summary>
    public FileSystemObjectsOptions FileSystem { get; set; } = new();
}

/// <summary>The object stores this build can use.</summary>
public enum ObjectsProvider
{
    FileSystem,
}

/// <summary>Settings of the local-folder object store (section <c>Objects:FileSystem</c>).</summary>
public sealed class FileSystemObjectsOptions
{
    /// <summary>The folder objects are written under, created when missing. Default <c>data/objects</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/objects";
}
