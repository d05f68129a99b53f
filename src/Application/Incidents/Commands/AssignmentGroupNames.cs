using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.ServiceDesk;

namespace ServiceDesk.Application.Incidents.Commands;

internal static class AssignmentGroupNames
{
    /// <summary>The group's name as configured, matched case-insensitively; 400 naming <paramref name="field"/> and the known groups otherwise.</summary>
    public static async Task<string> KnownGroupAsync(this IAssignmentGroups groups, string name, string field, CancellationToken cancellationToken)
    {
        var all = await groups.AllAsync(cancellationToken);
        return all.FirstOrDefault(g => string.Equals(g.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))?.Name
            ?? throw new RequestValidationException(field, $"There is no assignment group '{name}'. Known groups: {string.Join(", ", all.Select(g => g.Name))}.");
    }
}
