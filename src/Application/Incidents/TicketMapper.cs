using System.Linq.Expressions;
using Riok.Mapperly.Abstractions;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents;

/// <summary>Compile-time generated ticket mappings: in memory after a write, and as SQL projections for reads.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class TicketMapper
{
    [MapProperty(nameof(Ticket.ServiceLevelCode), nameof(TicketResponse.ServiceLevel))]
    [MapProperty("Response.DueAt", nameof(TicketResponse.ResponseDueAt))]
    [MapProperty("Resolution.DueAt", nameof(TicketResponse.ResolutionDueAt))]
    [MapProperty("Response.State", nameof(TicketResponse.ResponseState))]
    [MapProperty("Resolution.State", nameof(TicketResponse.ResolutionState))]
    [MapperIgnoreTarget(nameof(TicketResponse.ETag))]
    public static partial TicketResponse ToResponse(this Ticket ticket);

    public static partial IQueryable<TicketResponse> ProjectToResponse(this IQueryable<Ticket> tickets);

    /// <summary>The generated SQL projection as an expression, for precompiled queries (EF.CompileAsyncQuery).</summary>
    public static readonly Expression<Func<Ticket, TicketResponse>> Projection = SelectorOf(Array.Empty<Ticket>().AsQueryable().ProjectToResponse());

    [MapProperty(nameof(Ticket.ServiceLevelCode), nameof(TicketListItem.ServiceLevel))]
    [MapProperty("Response.DueAt", nameof(TicketListItem.ResponseDueAt))]
    [MapProperty("Resolution.DueAt", nameof(TicketListItem.ResolutionDueAt))]
    [MapProperty("Response.State", nameof(TicketListItem.ResponseState))]
    [MapProperty("Resolution.State", nameof(TicketListItem.ResolutionState))]
    private static partial TicketListItem ToListItem(this Ticket ticket);

    private static partial IQueryable<TicketListItem> ProjectToListItem(this IQueryable<Ticket> tickets);

    /// <summary>The list's SQL projection as an expression, for precompiled queries.</summary>
    public static readonly Expression<Func<Ticket, TicketListItem>> ListItemProjection = SelectorOf(Array.Empty<Ticket>().AsQueryable().ProjectToListItem());

    /// <summary>The rating's values (inlined in the SQL projection); the score is added after the query (<see cref="SatisfactionScores"/>).</summary>
    [MapperIgnoreTarget(nameof(SatisfactionResponse.Score))]
    public static partial SatisfactionResponse ToResponse(this SatisfactionRating rating);

    public static partial CommentResponse ToResponse(this TicketComment comment);

    /// <summary>
    /// The contact field by field. Projected whole, the complex property makes EF Core materialise the ticket entity,
    /// so every read and list would fetch every column of the row (SLA internals, report figures, counters) to use
    /// three; expression-bodied, Mapperly inlines it into the SQL projection.
    /// </summary>
    private static TicketContact CopyContact(TicketContact contact) => new(contact.Name, contact.Email, contact.Phone);

    public static partial IQueryable<CommentResponse> ProjectToResponse(this IQueryable<TicketComment> comments);

    /// <summary>The selector of a generated projection (<c>source.Select(selector)</c>), taken out of its expression tree.</summary>
    private static Expression<Func<Ticket, T>> SelectorOf<T>(IQueryable<T> projected) =>
        (Expression<Func<Ticket, T>>)((UnaryExpression)((MethodCallExpression)projected.Expression).Arguments[1]).Operand;
}
