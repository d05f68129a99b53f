using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Changes;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Application.Problems;

/// <summary>Loads problems the way every use case must, and keeps their linked incidents in step.</summary>
internal static class ProblemAccess
{
    /// <summary>A tracked problem for a write; 404 when missing; 412 on a stale If-Match.</summary>
    public static Task<Problem> LoadProblemForUpdateAsync(this IServiceDeskDbContext db, string number, string? ifMatch, CancellationToken cancellationToken) =>
        db.Problems.LoadForUpdateAsync(p => p.Number == number, ifMatch, "Problem", number, cancellationToken);

    /// <summary>A named product exists; a newly named one (not <paramref name="current"/>) is not retired.</summary>
    public static async Task CheckProblemProductAsync(this IServiceDeskDbContext db, string? productCode, string? current, CancellationToken cancellationToken)
    {
        if (productCode is null)
            return;
        await db.ProductKindsAsync([productCode], "productCode", cancellationToken);
        if (productCode != current)
            await db.EnsureNotRetiredAsync([productCode], "productCode", cancellationToken);
    }

    /// <summary>The numbers of the incidents linked to each of the problems (one query for a page).</summary>
    public static async Task<ILookup<string, string>> LinkedIncidentsAsync(this IServiceDeskDbContext db, IReadOnlyCollection<string> problemNumbers, CancellationToken cancellationToken)
    {
        if (problemNumbers.Count == 0)
            return Array.Empty<string>().ToLookup(n => n, n => n);
        var links = await db.Tickets.AsNoTracking()
            .Where(t => t.ProblemNumber != null && problemNumbers.Contains(t.ProblemNumber))
            .OrderBy(t => t.Number)
            .Select(t => new { Problem = t.ProblemNumber!, t.Number })
            .ToListAsync(cancellationToken);
        return links.ToLookup(l => l.Problem, l => l.Number, StringComparer.Ordinal);
    }

    public static async Task<ProblemResponse> WithIncidentsAsync(this IServiceDeskDbContext db, ProblemResponse problem, CancellationToken cancellationToken)
    {
        var incidents = await db.LinkedIncidentsAsync([problem.Number], cancellationToken);
        return problem with { Incidents = [.. incidents[problem.Number]] };
    }

    /// <summary>Every incident linked to the problem shows its current workaround.</summary>
    public static async Task ShowWorkaroundOnIncidentsAsync(this IServiceDeskDbContext db, Problem problem, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var incidents = await db.Tickets.Where(t => t.ProblemNumber == problem.Number).ToListAsync(cancellationToken);
        foreach (var incident in incidents)
            incident.ShowWorkaround(problem.Workaround, actor, now);
    }
}
