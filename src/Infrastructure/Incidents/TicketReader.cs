using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Infrastructure.Incidents;

/// <summary>One ticket by kind and number through a query compiled once per process.</summary>
internal sealed class TicketReader(ServiceDeskDbContext db) : ITicketReader
{
    private static readonly Func<ServiceDeskDbContext, string, TicketKind, CancellationToken, Task<TicketResponse?>> TicketByNumber =
        EF.CompileAsyncQuery((ServiceDeskDbContext context, string number, TicketKind kind, CancellationToken _) =>
            context.Set<Ticket>().AsNoTracking()
                .Where(t => t.Number == number && t.Kind == kind)
                .Select(TicketMapper.Projection)
                .FirstOrDefault());

    public Task<TicketResponse?> FindAsync(TicketKind kind, string number, CancellationToken cancellationToken) =>
        TicketByNumber(db, number, kind, cancellationToken);
}
