using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.ServiceLevels.Queries;

/// <summary>One calendar by code.</summary>
public sealed record GetCalendarQuery(string Code) : IQuery<CalendarResponse>;

/// <remarks>Read as an entity and mapped in memory, as the list is: its JSON columns' response shape is a conversion SQL cannot do.</remarks>
internal sealed class GetCalendarHandler(IServiceDeskDbContext db) : IQueryHandler<GetCalendarQuery, CalendarResponse>
{
    public async ValueTask<CalendarResponse> Handle(GetCalendarQuery query, CancellationToken cancellationToken)
    {
        var calendar = await db.Calendars.AsNoTracking().FirstOrDefaultAsync(c => c.Code == query.Code, cancellationToken)
            ?? throw new NotFoundException("Calendar", query.Code);
        return calendar.ToResponse();
    }
}
