using System.Text.Json.Serialization;
using Riok.Mapperly.Abstractions;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Application.Problems;

/// <summary>A problem as clients read it.</summary>
/// <param name="Number" example="PRB000007">The problem's number.</param>
/// <param name="Status" example="KnownError">New, Investigating, KnownError, Resolved or Closed.</param>
/// <param name="Summary" example="Mail relay drops connections under load">One line.</param>
/// <param name="Description" example="Outbound mail stalls every weekday around 09:00; 14 incidents so far.">What is seen.</param>
/// <param name="ProductCode" example="OPS-APP-03">The product concerned, if any.</param>
/// <param name="RootCause" example="The relay's connection pool is capped at 50.">Recorded with the known error.</param>
/// <param name="Workaround" example="Restart the relay service; mail queued meanwhile is delivered.">Recorded with the known error; linked incidents show it.</param>
/// <param name="ResolvedByChange" example="CHG000042">The change that fixed it.</param>
/// <param name="IncidentCount" example="3">How many incidents are linked.</param>
/// <param name="CreatedBy" example="li.wei">Who recorded it.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="KnownErrorAt">When the root cause and workaround were recorded.</param>
/// <param name="ResolvedAt">When it was resolved.</param>
/// <param name="ClosedAt">When it was closed.</param>
/// <param name="LastChangedAt">When it last changed.</param>
public sealed record ProblemResponse(
    string Number,
    ProblemStatus Status,
    string Summary,
    string Description,
    string? ProductCode,
    string? RootCause,
    string? Workaround,
    string? ResolvedByChange,
    int IncidentCount,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? KnownErrorAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset LastChangedAt) : IHasETag
{
    /// <summary>The linked incidents' numbers, in order.</summary>
    public IReadOnlyList<string> Incidents { get; init; } = [];

    [JsonIgnore]
    public int Version { get; init; }

    [JsonIgnore]
    public string ETag => ETags.FromVersion(Version);
}

/// <summary>Compile-time generated problem mappings: in memory after a write, and as SQL projections for reads.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class ProblemMapper
{
    [MapperIgnoreTarget(nameof(ProblemResponse.ETag))]
    [MapperIgnoreTarget(nameof(ProblemResponse.Incidents))]
    public static partial ProblemResponse ToResponse(this Problem problem);

    public static partial IQueryable<ProblemResponse> ProjectToResponse(this IQueryable<Problem> problems);
}
