using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Application.ServiceDesk;

/// <summary>The assignment groups, cached (a handful of rows that every intake routes with).</summary>
public interface IAssignmentGroups
{
    ValueTask<IReadOnlyList<AssignmentGroup>> AllAsync(CancellationToken cancellationToken);
}
