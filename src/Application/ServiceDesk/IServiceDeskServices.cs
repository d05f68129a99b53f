using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Application.ServiceDesk;

/// <summary>Hands out ticket numbers: one sequence per kind, never reused, safe under concurrent intake.</summary>
public interface ITicketNumbers
{
    /// <returns>The next number of the kind, e.g. <c>INC000042</c>.</returns>
    Task<string> NextAsync(TicketKind kind, CancellationToken cancellationToken);

    /// <summary>The next number of any numbered record by its prefix: <c>CHG</c> (shared with the desk's change requests), <c>PRB</c>.</summary>
    /// <returns>The next number, e.g. <c>PRB000007</c>.</returns>
    Task<string> NextAsync(string prefix, CancellationToken cancellationToken);
}

/// <summary>The SLA context (level, calendars) of a service level by code, cached: every ticket action needs one.</summary>
public interface ISlaContexts
{
    ValueTask<SlaContext> GetAsync(string serviceLevelCode, CancellationToken cancellationToken);
}

/// <summary>The assignment groups, cached (a handful of rows that every intake routes with).</summary>
public interface IAssignmentGroups
{
    ValueTask<IReadOnlyList<AssignmentGroup>> AllAsync(CancellationToken cancellationToken);
}
