using ChatbotPipeline.Backends.Objects;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Backends.Tests.Objects;

public sealed class FileSystemObjectStoreTests : ObjectStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FileSystemObjectStore _store;

    public FileSystemObjectStoreTests() =>
        _store = new FileSystemObjectStore(Options.Create(new ObjectsOptions { FileSystem = new FileSystemObjectsOptions { Path = _folder.File("objects") } }));

    protected override IObjectStore Store => _store;

    [Fact]
    public async Task A_folder_has_no_download_url_of_its_own() =>
        Assert.Null(await Store.GetDownloadUrlAsync("exports/x/turns.ndjson.gz", TimeSpan.FromMinutes(5)));

    [Fact]
    public async Task A_failed_write_leaves_the_previous_object_and_no_temporary_file()
    {
        await _store.PutAsync("models/x", new MemoryStream([1, 2, 3]));

        await Assert.ThrowsAsync<IOException>(() => _store.PutAsync("models/x", new FailingStream()));

        await using var stream = (await _store.OpenReadAsync("models/x"))!;
        Assert.Equal(3, stream.Length);
        Assert.Equal(["models/x"], await _store.ListAsync(""));
        Assert.Single(Directory.GetFiles(_folder.File("objects/models")));
    }

    public void Dispose() => _folder.Dispose();

    private sealed class FailingStream : MemoryStream
    {
        public FailingStream() : base(new byte[100]) { }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("disk gone");
    }
}
