using Mediator;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Queries;

/// <summary>One incident or service request by number, if the caller may see it.</summary>
public sealed record GetTicketQuery(TicketKind Kind, string Number) : IQuery<TicketResponse>;

internal sealed class GetTicketHandler(ITicketReader reader, ICurrentUser user) : IQueryHandler<GetTicketQuery, TicketResponse>
{
    // The hot read path: no async state machine here, the one in GetVisibleAsync is enough.
    public ValueTask<TicketResponse> Handle(GetTicketQuery query, CancellationToken cancellationToken) =>
        new(reader.GetVisibleAsync(user, query.Kind, query.Number, cancellationToken));
}
