using Amazon.S3;
using ChatbotPipeline.Backends.Objects;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Backends.Tests.Objects;

/// <summary>The object-store contract against S3 (the fauxqs emulator in CI), plus multipart uploads.</summary>
public sealed class S3ObjectStoreTests : ObjectStoreContract, IDisposable
{
    private IAmazonS3? _s3;
    private S3ObjectStore? _store;

    protected override IObjectStore Store => _store ??= Create(partSizeMiB: 8);

    private S3ObjectStore Create(int partSizeMiB)
    {
        var serviceUrl = TestServices.Require(TestServices.S3ServiceUrl, "S3_SERVICE_URL");
        // The emulator accepts any credentials; the AWS default chain still needs some.
        if (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is null)
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
        }
        var options = new ObjectsOptions
        {
            Provider = ObjectsProvider.S3,
            S3 = new S3ObjectsOptions { ServiceUrl = serviceUrl, Bucket = $"tests-{Guid.NewGuid():N}", ForcePathStyle = true, CreateBucket = true, PartSizeMiB = partSizeMiB },
        };
        _s3 = S3ClientFactory.Create(options.S3);
        return new S3ObjectStore(_s3, Options.Create(options));
    }

    [Fact]
    public async Task Objects_larger_than_a_part_go_up_in_parts_from_a_stream_of_unknown_length()
    {
        var store = Create(partSizeMiB: 5);
        var bytes = new byte[12 * 1024 * 1024 + 5];
        new Random(3).NextBytes(bytes);

        await store.PutAsync("big/multipart.bin", new UnseekableStream(bytes));

        await using var stream = (await store.OpenReadAsync("big/multipart.bin"))!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task A_presigned_download_url_fetches_the_object_without_credentials()
    {
        await Store.PutAsync("exports/x/turns.ndjson.gz", new MemoryStream([1, 2, 3, 4]));

        var url = (await Store.GetDownloadUrlAsync("exports/x/turns.ndjson.gz", TimeSpan.FromMinutes(5)))!;

        Assert.Contains("X-Amz-Signature=", url.Query);
        using var http = new HttpClient();
        Assert.Equal([1, 2, 3, 4], await http.GetByteArrayAsync(url, TestContext.Current.CancellationToken));
    }

    public void Dispose() => _s3?.Dispose();

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
