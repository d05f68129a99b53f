using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceLevels.Queries;

/// <summary>Service levels, best rank first (then by code), optionally only those of one status.</summary>
public sealed record ListServiceLevelsQuery(ServiceLevelStatus? Status, PageRequest Page) : IQuery<Page<ServiceLevelResponse>>;

public sealed class ListServiceLevelsQueryValidator : AbstractValidator<ListServiceLevelsQuery>
{
    public ListServiceLevelsQueryValidator() =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListServiceLevelsHandler(IServiceDeskDbContext db) : IQueryHandler<ListServiceLevelsQuery, Page<ServiceLevelResponse>>
{
    public async ValueTask<Page<ServiceLevelResponse>> Handle(ListServiceLevelsQuery query, CancellationToken cancellationToken)
    {
        var levels = db.ServiceLevels.AsNoTracking();
        if (query.Status is { } status)
            levels = levels.Where(l => l.Status == status);
        if (Cursor.Decode<LevelCursor>(query.Page.Cursor) is { } after)
            levels = levels.Where(l => l.Rank > after.Rank || (l.Rank == after.Rank && string.Compare(l.Code, after.Code) > 0));

        // Targets are a JSON column mapped to a keyed object: levels are mapped after reading (a page is at most 200).
        var page = await levels
            .OrderBy(l => l.Rank).ThenBy(l => l.Code)
            .ToPageAsync(query.Page.Size, l => new LevelCursor(l.Rank, l.Code), cancellationToken);
        return new Page<ServiceLevelResponse>(page.Items.Select(l => l.ToResponse()).ToList(), page.NextCursor);
    }

    private sealed record LevelCursor(int Rank, string Code);
}
