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
    public static readonly Expression<Func<Ticket, TicketResponse>> Projection =
        (Expression<Func<Ticket, TicketResponse>>)((UnaryExpression)((MethodCallExpression)Array.Empty<Ticket>().AsQueryable().ProjectToResponse().Expression).Arguments[1]).Operand;

    /// <summary>The rating's values (inlined in the SQL projection); the score is added after the query (<see cref="SatisfactionScores"/>).</summary>
    [MapperIgnoreTarget(nameof(SatisfactionResponse.Score))]
    public static partial SatisfactionResponse ToResponse(this SatisfactionRating rating);

    public static partial CommentResponse ToResponse(this TicketComment comment);

    public static partial IQueryable<CommentResponse> ProjectToResponse(this IQueryable<TicketComment> comments);
}
