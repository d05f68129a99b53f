using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Application.ServiceDesk.Queries;

/// <summary>Tickets of every kind carrying the caller's reference, newest first.</summary>
public sealed record FindByExternalReferenceQuery(string? ExternalReference, PageRequest Page) : IQuery<Page<DeskTicketSummary>>;

public sealed class FindByExternalReferenceQueryValidator : AbstractValidator<FindByExternalReferenceQuery>
{
    public FindByExternalReferenceQueryValidator()
    {
        RuleFor(q => q.ExternalReference).NotEmpty().MaximumLength(DeskRecord.ExternalReferenceMaxLength).OverridePropertyName("externalReference")
            .WithMessage("'externalReference' is required: give the reference your system sent at intake.");
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}

internal sealed class FindByExternalReferenceHandler(IServiceDeskDbContext db, ICurrentUser user)
    : IQueryHandler<FindByExternalReferenceQuery, Page<DeskTicketSummary>>
{
    public async ValueTask<Page<DeskTicketSummary>> Handle(FindByExternalReferenceQuery query, CancellationToken cancellationToken)
    {
        var reference = query.ExternalReference!;
        var size = query.Page.Size;
        var after = Cursor.Decode<DeskCursor>(query.Page.Cursor);

        // Keyset over the union of two tables: each side yields at most a page past the cursor, merged in memory.
        var tickets = db.Tickets.AsNoTracking().Visible(user).Where(t => t.ExternalReference == reference);
        var changes = db.VisibleChanges(user).Where(c => c.ExternalReference == reference);
        if (after is not null)
        {
            tickets = tickets.Where(t => t.OpenedAt < after.OpenedAt || (t.OpenedAt == after.OpenedAt && string.Compare(t.Number, after.Number) < 0));
            changes = changes.Where(c => c.CreatedAt < after.OpenedAt || (c.CreatedAt == after.OpenedAt && string.Compare(c.Number, after.Number) < 0));
        }

        var fromTickets = await tickets.OrderByDescending(t => t.OpenedAt).ThenByDescending(t => t.Number).TakeConstant(size + 1)
            .Select(ServiceDeskAccess.TicketSummary).ToListAsync(cancellationToken);
        var fromChanges = await changes.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Number).TakeConstant(size + 1)
            .Select(ServiceDeskAccess.ChangeSummary).ToListAsync(cancellationToken);
        var merged = fromTickets.Concat(fromChanges)
            .OrderByDescending(s => s.OpenedAt).ThenByDescending(s => s.Number, StringComparer.Ordinal)
            .Take(size + 1)
            .Select(s => s.WithLinks())
            .ToList();
        if (merged.Count <= size)
            return new Page<DeskTicketSummary>(merged, null);
        merged.RemoveAt(merged.Count - 1);
        return new Page<DeskTicketSummary>(merged, Cursor.Encode(new DeskCursor(merged[^1].OpenedAt, merged[^1].Number)));
    }

    private sealed record DeskCursor(DateTimeOffset OpenedAt, string Number);
}
