using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Who acts on a ticket, when, and under which SLA context: what every domain method on a ticket takes.</summary>
internal readonly record struct TicketWrite(Actor By, DateTimeOffset At, SlaContext Sla);

/// <summary>
/// The steps every write on a ticket shares: load it (within the caller's customer, version-checked), fetch its SLA
/// context, call one domain method as the caller at the current time, save. Handlers supply the domain method.
/// </summary>
internal sealed class TicketWrites(IServiceDeskDbContext db, ICurrentUser user, ISlaContexts slaContexts, TimeProvider clock, SatisfactionWeights weights)
{
    /// <summary>Applies <paramref name="change"/> and returns what it returned, after the save.</summary>
    public async ValueTask<TResult> ApplyAsync<TResult>(TicketKind kind, string number, string? ifMatch, Func<Ticket, TicketWrite, ValueTask<TResult>> change,
        CancellationToken cancellationToken)
    {
        var ticket = await db.LoadForUpdateAsync(user, kind, number, ifMatch, cancellationToken);
        var sla = await slaContexts.GetAsync(ticket.ServiceLevelCode, cancellationToken);
        var result = await change(ticket, new TicketWrite(user.ToActor(), clock.GetUtcNow(), sla));
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>Applies an action that may need to look something up first; the ticket as saved (with its new ETag).</summary>
    public async ValueTask<TicketResponse> ApplyAsync(TicketCommand command, Func<Ticket, TicketWrite, ValueTask> change, CancellationToken cancellationToken)
    {
        var saved = await ApplyAsync(command.Kind, command.Number, command.IfMatch, async (ticket, write) =>
        {
            await change(ticket, write);
            return ticket;
        }, cancellationToken);
        return saved.ToResponse().Scored(weights);
    }

    /// <summary>Applies an action; the ticket as saved (with its new ETag).</summary>
    public ValueTask<TicketResponse> ApplyAsync(TicketCommand command, Action<Ticket, TicketWrite> change, CancellationToken cancellationToken) =>
        ApplyAsync(command, (ticket, write) =>
        {
            change(ticket, write);
            return ValueTask.CompletedTask;
        }, cancellationToken);
}
