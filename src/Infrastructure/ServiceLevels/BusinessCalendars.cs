using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.ServiceLevels;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Infrastructure.ServiceLevels;

/// <summary>
/// Working schedules by calendar code, built once and kept in the memory cache. A calendar write on this instance
/// invalidates its entry at once; other instances pick the change up when their entry expires
/// (<see cref="Lifetime"/>), which bounds how long a due time can be computed on hours an admin has just changed.
/// </summary>
/// <remarks>
/// A singleton (it reads through a scope of its own). A per-code generation counter keeps a read that started before
/// an invalidation from putting the old schedule back into the cache after it.
/// </remarks>
internal sealed class BusinessCalendars(IServiceScopeFactory scopes, IMemoryCache cache) : IBusinessCalendars
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public async ValueTask<WorkingSchedule> GetScheduleAsync(string calendarCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendarCode);
        if (cache.TryGetValue(Key(calendarCode), out WorkingSchedule? cached) && cached is not null)
            return cached;

        var generation = _generations.GetValueOrDefault(calendarCode);
        BusinessCalendar? calendar;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            calendar = await db.Calendars.AsNoTracking().FirstOrDefaultAsync(c => c.Code == calendarCode, cancellationToken);
        }

        var schedule = (calendar ?? throw new NotFoundException("Calendar", calendarCode)).ToSchedule();
        if (_generations.GetValueOrDefault(calendarCode) == generation)
        {
            cache.Set(Key(calendarCode), schedule, Lifetime);
            if (_generations.GetValueOrDefault(calendarCode) != generation)
                cache.Remove(Key(calendarCode));
        }

        return schedule;
    }

    public void Invalidate(string calendarCode)
    {
        ArgumentNullException.ThrowIfNull(calendarCode);
        _generations.AddOrUpdate(calendarCode, 1, (_, generation) => generation + 1);
        cache.Remove(Key(calendarCode));
    }

    private static string Key(string calendarCode) => "calendar-schedule:" + calendarCode;
}
