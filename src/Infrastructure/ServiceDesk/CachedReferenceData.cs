using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Application.ServiceLevels;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Infrastructure.ServiceDesk;

/// <summary>
/// Reference data every ticket action needs (a level with its calendars, the assignment groups), read from the
/// database at most once per <see cref="Lifetime"/>, so intake and ticket actions stay one or two round trips.
/// </summary>
internal sealed class CachedReferenceData(ServiceDeskDbContext db, IBusinessCalendars calendars, IMemoryCache cache) : ISlaContexts, IAssignmentGroups
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async ValueTask<SlaContext> GetAsync(string serviceLevelCode, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue("sla-context:" + serviceLevelCode, out SlaContext? cached) && cached is not null)
            return cached;

        var level = await db.ServiceLevels.AsNoTracking().FirstOrDefaultAsync(l => l.Code == serviceLevelCode, cancellationToken)
            ?? throw new NotFoundException("Service level", serviceLevelCode);
        var context = new SlaContext(
            level,
            await calendars.GetScheduleAsync(level.EffectiveResponseCalendarCode, cancellationToken),
            await calendars.GetScheduleAsync(level.CalendarCode, cancellationToken));
        cache.Set("sla-context:" + serviceLevelCode, context, Lifetime);
        return context;
    }

    public async ValueTask<IReadOnlyList<AssignmentGroup>> AllAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue("assignment-groups", out IReadOnlyList<AssignmentGroup>? cached) && cached is not null)
            return cached;
        IReadOnlyList<AssignmentGroup> groups = await db.AssignmentGroups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(cancellationToken);
        cache.Set("assignment-groups", groups, Lifetime);
        return groups;
    }
}
