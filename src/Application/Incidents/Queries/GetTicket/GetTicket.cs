using Mediator;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Queries;

/// <summary>One incident or service request by number, if the caller may see it.</summary>
public sealed record GetTicketQuery(TicketKind Kind, string Number) : IQuery<TicketResponse>;

internal sealed class GetTicketHandler(ITicketReader reader, ICurrentUser user, SatisfactionWeights weights) : IQueryHandler<GetTicketQuery, TicketResponse>
{
    // The hot read path: the score is computed in memory from the projected values (no extra query).
    public async ValueTask<TicketResponse> Handle(GetTicketQuery query, CancellationToken cancellationToken) =>
        (await reader.GetVisibleAsync(user, query.Kind, query.Number, cancellationToken)).Scored(weights);
}
