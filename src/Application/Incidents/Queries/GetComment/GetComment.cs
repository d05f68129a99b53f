using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Queries;

/// <summary>One comment of a ticket by its position (where a new comment's Location points); a Customer caller sees public ones only.</summary>
public sealed record GetCommentQuery(TicketKind Kind, string Number, long Sequence) : IQuery<CommentResponse>;

internal sealed class GetCommentHandler(IServiceDeskDbContext db, ICurrentUser user) : IQueryHandler<GetCommentQuery, CommentResponse>
{
    public async ValueTask<CommentResponse> Handle(GetCommentQuery query, CancellationToken cancellationToken)
    {
        var ticketId = await db.VisibleIdAsync(user, query.Kind, query.Number, cancellationToken);
        var comments = db.TicketComments.AsNoTracking().Where(c => c.TicketId == ticketId && c.Sequence == query.Sequence);
        if (user.IsCustomerOnly)
            comments = comments.Where(c => c.Visibility == CommentVisibility.Public);
        return await comments.ProjectToResponse().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Comment", $"{query.Number}/{query.Sequence}");
    }
}
