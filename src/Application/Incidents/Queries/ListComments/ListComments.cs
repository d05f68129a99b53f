using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Queries;

/// <summary>A ticket's comments in order; a Customer caller sees the public ones only.</summary>
public sealed record ListCommentsQuery(TicketKind Kind, string Number, PageRequest Page) : IQuery<Page<CommentResponse>>;

public sealed class ListCommentsQueryValidator : AbstractValidator<ListCommentsQuery>
{
    public ListCommentsQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListCommentsHandler(IServiceDeskDbContext db, ICurrentUser user) : IQueryHandler<ListCommentsQuery, Page<CommentResponse>>
{
    public async ValueTask<Page<CommentResponse>> Handle(ListCommentsQuery query, CancellationToken cancellationToken)
    {
        var ticketId = await db.VisibleIdAsync(user, query.Kind, query.Number, cancellationToken);
        var comments = db.TicketComments.AsNoTracking().Where(c => c.TicketId == ticketId);
        if (user.IsCustomerOnly)
            comments = comments.Where(c => c.Visibility == CommentVisibility.Public);
        var after = Cursor.Decode<long?>(query.Page.Cursor);
        if (after is { } sequence)
            comments = comments.Where(c => c.Sequence > sequence);
        return await comments.OrderBy(c => c.Sequence).ProjectToResponse()
            .ToPageAsync(query.Page.Size, c => (long?)c.Sequence, cancellationToken);
    }
}
