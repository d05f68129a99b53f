using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceLevels;

/// <summary>
/// The working schedules of business calendars by code, built once and cached: every SLA computation asks for
/// one, so it must not cost a database round trip each time. Writers of calendars invalidate the cache.
/// </summary>
public interface IBusinessCalendars
{
    /// <exception cref="Common.Exceptions.NotFoundException">No calendar has that code.</exception>
    ValueTask<WorkingSchedule> GetScheduleAsync(string calendarCode, CancellationToken cancellationToken);

    void Invalidate(string calendarCode);
}
