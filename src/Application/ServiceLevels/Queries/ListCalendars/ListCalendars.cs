using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;

namespace ServiceDesk.Application.ServiceLevels.Queries;

/// <summary>Calendars ordered by code.</summary>
public sealed record ListCalendarsQuery(PageRequest Page) : IQuery<Page<CalendarResponse>>;

public sealed class ListCalendarsQueryValidator : AbstractValidator<ListCalendarsQuery>
{
    public ListCalendarsQueryValidator() =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

/// <remarks>
/// Calendars are read as entities and mapped in memory: weekly hours, holidays and extra days are JSON columns whose
/// response shape (weekday names, "HH:mm" texts) is a conversion SQL cannot do. A page holds at most 200 of them.
/// </remarks>
internal sealed class ListCalendarsHandler(IServiceDeskDbContext db) : IQueryHandler<ListCalendarsQuery, Page<CalendarResponse>>
{
    public async ValueTask<Page<CalendarResponse>> Handle(ListCalendarsQuery query, CancellationToken cancellationToken)
    {
        var calendars = db.Calendars.AsNoTracking();
        if (Cursor.Decode<string>(query.Page.Cursor) is { } after)
            calendars = calendars.Where(c => string.Compare(c.Code, after) > 0);

        var page = await calendars.OrderBy(c => c.Code).ToPageAsync(query.Page.Size, c => c.Code, cancellationToken);
        return new Page<CalendarResponse>(page.Items.Select(c => c.ToResponse()).ToList(), page.NextCursor);
    }
}
