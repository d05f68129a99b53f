using System.Text.Json.Serialization;

namespace ServiceDesk.Application.Common;

/// <summary>A response that carries the entity tag of the resource it represents.</summary>
public interface IHasETag
{
    string ETag { get; }
}

/// <summary>A response whose entity tag is its row version; neither the version nor the tag is part of the JSON.</summary>
public abstract record VersionedResponse : IHasETag
{
    [JsonIgnore]
    public int Version { get; init; }

    [JsonIgnore]
    public string ETag => ETags.FromVersion(Version);
}

/// <summary>
/// Entity tags are derived from row versions, which only ever grow. A resource that embeds children (a line
/// with its series) folds the children's count and version sum in, so any change below it changes the tag.
/// </summary>
public static class ETags
{
    public static string FromVersion(int version) => $"\"{version}\"";

    /// <summary>For a resource whose representation also depends on time (an agreement's derived status).</summary>
    public static string FromVersion(int version, string state) => $"\"{version}.{state}\"";

    public static string Composite(int version, int childCount, long childVersionSum) =>
        $"\"{version}.{childCount}.{childVersionSum}\"";

    /// <summary>Compares an If-Match value to the current tag; <c>null</c> or <c>*</c> always match.</summary>
    public static bool Matches(string? ifMatch, string current)
    {
        if (ifMatch is null)
            return true;
        foreach (var candidate in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
            if (tag == "*" || tag == current)
                return true;
        }

        return false;
    }
}
