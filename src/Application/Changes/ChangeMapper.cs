using Riok.Mapperly.Abstractions;
using ServiceDesk.Domain.Changes;

namespace ServiceDesk.Application.Changes;

/// <summary>Compile-time generated change mappings: in memory after a write, and as SQL projections for reads.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class ChangeMapper
{
    [MapperIgnoreTarget(nameof(ChangeResponse.ETag))]
    [MapProperty(nameof(Change.Approvals), nameof(ChangeResponse.Approvals), Use = nameof(ApprovalResponses))]
    public static partial ChangeResponse ToResponse(this Change change);

    public static partial IQueryable<ChangeResponse> ProjectToResponse(this IQueryable<Change> changes);

    [MapperIgnoreTarget(nameof(FreezePeriodResponse.ETag))]
    public static partial FreezePeriodResponse ToResponse(this FreezePeriod freeze);

    public static partial IQueryable<FreezePeriodResponse> ProjectToResponse(this IQueryable<FreezePeriod> freezes);

    /// <summary>
    /// Approvals are a JSON column: EF reads the column and this runs on the rows read (SQL cannot look inside it).
    /// Not an expression body on purpose, so the projection calls it instead of inlining a Select EF would try to translate.
    /// </summary>
    [UserMapping(Default = false)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Mapperly matches the mapping by the response's declared type.")]
    private static IReadOnlyList<ChangeApprovalResponse> ApprovalResponses(IReadOnlyList<ChangeApproval> approvals)
    {
        var responses = new List<ChangeApprovalResponse>(approvals.Count);
        foreach (var approval in approvals)
            responses.Add(new ChangeApprovalResponse(approval.Approver, approval.Decision, approval.Comment, approval.At));
        return responses;
    }
}
