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
    public async Task A_prefix_ending_inside_a_segment_matches_keys_that_start_with_it_at_any_depth()
    {
        foreach (var key in new[] { "models/ab/1", "models/abc/v/2", "models/b/3", "modelsx/4" })
            await Store.PutAsync($"{_prefix}{key}", Content(key));

        Assert.Equal([$"{_prefix}models/ab/1", $"{_prefix}models/abc/v/2"], await Store.ListAsync($"{_prefix}models/ab"));
        Assert.Equal([$"{_prefix}models/ab/1"], await Store.ListAsync($"{_prefix}models/ab/"));
        Assert.Empty(await Store.ListAsync($"{_prefix}models/none/"));
        Assert.Equal(4, (await Store.ListAsync(_prefix)).Count);
    }

    [Fact]
    public async Task An_empty_object_is_stored_and_listed()
    {
        await Store.PutAsync($"{_prefix}marks/one", Stream.Null);

        Assert.Equal([$"{_prefix}marks/one"], await Store.ListAsync($"{_prefix}marks/"));
        Assert.Equal("", await ReadAsync($"{_prefix}marks/one"));
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
