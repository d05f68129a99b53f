using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Reports.Queries;

/// <summary>
/// Clocks that breached in <c>[from, to)</c>, newest first: the same clocks the compliance report counts as breached
/// in that period (cancelled tickets left out).
/// </summary>
public sealed record ListSlaBreachesQuery(ReportPeriod Period, PageRequest Page) : IQuery<Page<SlaBreach>>;

public sealed class ListSlaBreachesQueryValidator : AbstractValidator<ListSlaBreachesQuery>
{
    public ListSlaBreachesQueryValidator(ReportOptions options)
    {
        RuleFor(q => q.Period).SetValidator(new ReportPeriodValidator(options)).OverridePropertyName(string.Empty);
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}

internal sealed class ListSlaBreachesHandler(IServiceDeskDbContext db, ICurrentUser user) : IQueryHandler<ListSlaBreachesQuery, Page<SlaBreach>>
{
    public async ValueTask<Page<SlaBreach>> Handle(ListSlaBreachesQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = (query.Period.From!.Value, query.Period.To!.Value);
        var size = query.Page.Size;
        var after = Cursor.Decode<BreachCursor>(query.Page.Cursor);
        var tickets = db.Countable(user);

        // One ordered page per clock (each an index range scan on BreachedAt), merged: the first size + 1 of both.
        var rows = new List<SlaClockRow>();
        foreach (var kind in new[] { SlaClockKind.Response, SlaClockKind.Resolution })
        {
            var clocks = tickets.Clocks(kind).Where(c => c.State == SlaClockState.Breached && c.BreachedAt >= from && c.BreachedAt < to);
            if (after is not null)
            {
                var resolutionBefore = after.Clock == SlaClockKind.Resolution && kind == SlaClockKind.Response;
                clocks = clocks.Where(c => c.BreachedAt < after.BreachedAt
                    || (c.BreachedAt == after.BreachedAt && (string.Compare(c.Number, after.Number) < 0 || (c.Number == after.Number && resolutionBefore))));
            }

            rows.AddRange(await clocks.OrderByDescending(c => c.BreachedAt).ThenByDescending(c => c.Number).TakeConstant(size + 1).ToListAsync(cancellationToken));
        }

        var page = rows.OrderByDescending(r => r.BreachedAt).ThenByDescending(r => r.Number, StringComparer.Ordinal).ThenByDescending(r => r.Clock).Take(size + 1).ToList();
        var codes = await db.CustomerCodesAsync(page.Select(r => r.CustomerId), cancellationToken);
        var items = page.Take(size)
            .Select(r => new SlaBreach(r.Number, codes[r.CustomerId], r.Priority, r.Clock, r.TargetMinutes, r.BreachedAt!.Value))
            .ToList();
        var next = page.Count > size ? Cursor.Encode(new BreachCursor(items[^1].BreachedAt, items[^1].Number, items[^1].Clock)) : null;
        return new Page<SlaBreach>(items, next);
    }

    private sealed record BreachCursor(DateTimeOffset BreachedAt, string Number, SlaClockKind Clock);
}
