using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.ServiceLevels;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Reports.Queries;

/// <summary>
/// Running clocks past 75 % of their target (in business time), soonest due first. A clock is at risk from its stored
/// <see cref="SlaClock.AtRiskFrom"/> instant, so the filter is <c>State = Running AND AtRiskFrom &lt;= now</c>, read in due order.
/// </summary>
public sealed record ListAtRiskClocksQuery(PageRequest Page) : IQuery<Page<AtRiskClock>>;

public sealed class ListAtRiskClocksQueryValidator : AbstractValidator<ListAtRiskClocksQuery>
{
    public ListAtRiskClocksQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListAtRiskClocksHandler(IServiceDeskDbContext db, ICurrentUser user, IBusinessCalendars calendars, TimeProvider clock)
    : IQueryHandler<ListAtRiskClocksQuery, Page<AtRiskClock>>
{
    public async ValueTask<Page<AtRiskClock>> Handle(ListAtRiskClocksQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var size = query.Page.Size;
        var after = Cursor.Decode<AtRiskCursor>(query.Page.Cursor);
        var tickets = db.Countable(user);

        // One ordered page per clock (each an index scan on State, DueAt), merged: the first size + 1 of both.
        var rows = new List<SlaClockRow>();
        foreach (var kind in new[] { SlaClockKind.Response, SlaClockKind.Resolution })
        {
            var clocks = tickets.Clocks(kind).Where(c => c.State == SlaClockState.Running && c.AtRiskFrom <= now);
            if (after is not null)
            {
                var responseBefore = after.Clock == SlaClockKind.Response && kind == SlaClockKind.Resolution;
                clocks = clocks.Where(c => c.DueAt > after.DueAt
                    || (c.DueAt == after.DueAt && (string.Compare(c.Number, after.Number) > 0 || (c.Number == after.Number && responseBefore))));
            }

            rows.AddRange(await clocks.OrderBy(c => c.DueAt).ThenBy(c => c.Number).TakeConstant(size + 1).ToListAsync(cancellationToken));
        }

        var page = rows.OrderBy(r => r.DueAt).ThenBy(r => r.Number, StringComparer.Ordinal).ThenBy(r => r.Clock).Take(size + 1).ToList();
        var codes = await db.CustomerCodesAsync(page.Select(r => r.CustomerId), cancellationToken);
        var items = new List<AtRiskClock>(page.Count);
        foreach (var row in page.Take(size))
        {
            var schedule = await calendars.GetScheduleAsync(row.CalendarCode, cancellationToken);
            items.Add(new AtRiskClock(row.Number, codes[row.CustomerId], row.Priority, row.Clock, row.PercentageAt(now, schedule), row.DueAt!.Value));
        }

        var next = page.Count > size ? Cursor.Encode(new AtRiskCursor(items[^1].DueAt, items[^1].Number, items[^1].Clock)) : null;
        return new Page<AtRiskClock>(items, next);
    }

    private sealed record AtRiskCursor(DateTimeOffset DueAt, string Number, SlaClockKind Clock);
}
