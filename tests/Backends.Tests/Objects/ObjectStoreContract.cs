using System.Text;
using ChatbotPipeline.Backends.Objects;

namespace ChatbotPipeline.Backends.Tests.Objects;

/// <summary>What every <see cref="IObjectStore"/> must do; subclassed once per implementation.</summary>
public abstract class ObjectStoreContract
{
    protected abstract IObjectStore Store { get; }

    private readonly string _prefix = $"tests/{Guid.NewGuid():N}/";

    private static MemoryStream Content(string text) => new(Encoding.UTF8.GetBytes(text));

    private async Task<string?> ReadAsync(string key)
    {
        await using var stream = await Store.OpenReadAsync(key);
        return stream is null ? null : await new StreamReader(stream).ReadToEndAsync();
    }

    [Fact]
    public async Task Put_object_reads_back_and_a_second_put_replaces_it()
    {
        await Store.PutAsync($"{_prefix}a/b.txt", Content("one"));
        Assert.Equal("one", await ReadAsync($"{_prefix}a/b.txt"));

        await Store.PutAsync($"{_prefix}a/b.txt", Content("two"));
        Assert.Equal("two", await ReadAsync($"{_prefix}a/b.txt"));
    }

    [Fact]
    public async Task Large_objects_round_trip_byte_for_byte()
    {
        var bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(bytes);

        await Store.PutAsync($"{_prefix}big.bin", new MemoryStream(bytes));

        await using var stream = (await Store.OpenReadAsync($"{_prefix}big.bin"))!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Missing_object_opens_as_null_and_deletes_quietly()
    {
        Assert.Null(await Store.OpenReadAsync($"{_prefix}none"));
        await Store.DeleteAsync($"{_prefix}none");
    }

    [Fact]
    public async Task List_returns_the_keys_under_a_prefix_in_order()
    {
        await Store.PutAsync($"{_prefix}m/2", Content("x"));
        await Store.PutAsync($"{_prefix}m/1", Content("x"));
        await Store.PutAsync($"{_prefix}n/1", Content("x"));

        Assert.Equal([$"{_prefix}m/1", $"{_prefix}m/2"], await Store.ListAsync($"{_prefix}m/"));
    }

    [Fact]
    public async Task Deleted_object_is_gone()
    {
        await Store.PutAsync($"{_prefix}gone", Content("x"));

        await Store.DeleteAsync($"{_prefix}gone");

        Assert.Null(await Store.OpenReadAsync($"{_prefix}gone"));
        Assert.Empty(await Store.ListAsync($"{_prefix}gone"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    [InlineData("/absolute")]
    [InlineData("a//b")]
    [InlineData("")]
    public async Task Keys_that_could_leave_the_store_are_refused(string key) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, Content("x")));
}
