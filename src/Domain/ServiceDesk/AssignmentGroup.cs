using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.ServiceDesk;

/// <summary>
/// A team tickets are routed to. The product's series decides the group (e.g. OPS-INF -> Infrastructure);
/// tickets with no product, or a product no group serves, go to <see cref="Triage"/>.
/// </summary>
public sealed class AssignmentGroup : Entity
{
    public const string Triage = "Service Desk";
    public const int NameMaxLength = 100;

    private AssignmentGroup()
    {
        Name = string.Empty;
    }

    public AssignmentGroup(string name, string? description, IEnumerable<string> seriesCodes)
    {
        ArgumentNullException.ThrowIfNull(seriesCodes);
        Name = Guard.Required(name, "name", NameMaxLength);
        Description = Guard.Optional(description, "description", 500);
        SeriesCodes = seriesCodes.Select(code => Guard.Code(code, "seriesCodes")).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The product series whose tickets this group receives.</summary>
    public IReadOnlyList<string> SeriesCodes { get; private set; } = [];

    /// <summary>The group that serves a series, or the triage group.</summary>
    public static string RouteFor(string? seriesCode, IEnumerable<AssignmentGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (seriesCode is null)
            return Triage;
        return groups.FirstOrDefault(g => g.SeriesCodes.Contains(seriesCode))?.Name ?? Triage;
    }
}
