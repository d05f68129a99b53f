using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.Incidents;

namespace ServiceDesk.Application.ServiceDesk.Queries;

/// <summary>Any ticket by number: an incident, a service request or a change.</summary>
public sealed record GetDeskTicketQuery(string Number) : IQuery<DeskTicketSummary>;

internal sealed class GetDeskTicketHandler(IServiceDeskDbContext db, ICurrentUser user) : IQueryHandler<GetDeskTicketQuery, DeskTicketSummary>
{
    public async ValueTask<DeskTicketSummary> Handle(GetDeskTicketQuery query, CancellationToken cancellationToken)
    {
        var found = query.Number.StartsWith("CHG", StringComparison.Ordinal)
            ? await db.VisibleChanges(user).Where(c => c.Number == query.Number).Select(ServiceDeskAccess.ChangeSummary).FirstOrDefaultAsync(cancellationToken)
            : await db.Tickets.AsNoTracking().Visible(user).Where(t => t.Number == query.Number).Select(ServiceDeskAccess.TicketSummary).FirstOrDefaultAsync(cancellationToken);
        return found?.WithLinks() ?? throw new NotFoundException("Ticket", query.Number);
    }
}
