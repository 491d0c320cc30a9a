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

    /// <summary>Settings of the S3 store.</summary>
    public S3ObjectsOptions S3 { get; set; } = new();
}

/// <summary>The object stores this build can use.</summary>
public enum ObjectsProvider
{
    FileSystem,
    S3,
}

/// <summary>Settings of the local-folder object store (section <c>Objects:FileSystem</c>).</summary>
public sealed class FileSystemObjectsOptions
{
    /// <summary>The folder objects are written under, created when missing. Default <c>data/objects</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/objects";
}

/// <summary>Settings of the S3 object store (section <c>Objects:S3</c>); credentials come from the AWS default chain.</summary>
public sealed class S3ObjectsOptions
{
    /// <summary>Endpoint of an S3-compatible service (an emulator, MinIO); empty means AWS itself. Default empty.</summary>
    public string ServiceUrl { get; set; } = "";

    /// <summary>AWS region, also used to sign requests to <see cref="ServiceUrl"/>. Default <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The bucket objects are kept in. Required with the S3 provider.</summary>
    public string Bucket { get; set; } = "";

    /// <summary>Address buckets as a path (<c>host/bucket/key</c>), as emulators need. Default false.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Create the bucket on first use when it does not exist (development, tests). Default false.</summary>
    public bool CreateBucket { get; set; }

    /// <summary>Objects larger than this go up in parts of this size, in MiB (S3's minimum part is 5). Default 8.</summary>
    public int PartSizeMiB { get; set; } = 8;
}
