using System.Globalization;

namespace ChatbotPipeline.Backends.Models;

/// <summary>
/// Model versions are <c>yyyyMMddTHHmmssfffZ-{hash8}</c>: ordinal order is time order, which every reader of versions
/// relies on (the registry keeps the newer, pruning keeps the newest, the change journal sorts withdrawals among them).
/// </summary>
public static class ModelVersions
{
    /// <summary>The version of a model created at <paramref name="createdAt"/> from data of that hash.</summary>
    public static string Of(DateTimeOffset createdAt, string dataHash) => $"{Stamp(createdAt)}-{dataHash[..Math.Min(8, dataHash.Length)]}";

    /// <summary>The time part of a version, UTC to the millisecond.</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
}
