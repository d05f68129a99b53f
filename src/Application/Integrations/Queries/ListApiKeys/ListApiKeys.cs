using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;

namespace ServiceDesk.Application.Integrations.Queries;

/// <summary>API keys in the order they were issued (never their secrets).</summary>
public sealed record ListApiKeysQuery(PageRequest Page) : IQuery<Page<ApiKeyResponse>>;

public sealed class ListApiKeysQueryValidator : AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysQueryValidator() =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListApiKeysHandler(IServiceDeskDbContext db) : IQueryHandler<ListApiKeysQuery, Page<ApiKeyResponse>>
{
    public async ValueTask<Page<ApiKeyResponse>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var keys = db.ApiKeys.AsNoTracking();
        if (Cursor.Decode<ApiKeyCursor>(query.Page.Cursor) is { } after)
            keys = keys.Where(k => k.CreatedAt > after.CreatedAt || (k.CreatedAt == after.CreatedAt && string.Compare(k.Hash, after.Hash) > 0));

        var page = await keys
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Hash)
            .ToPageAsync(query.Page.Size, k => new ApiKeyCursor(k.CreatedAt, k.Hash), cancellationToken);
        return new Page<ApiKeyResponse>(
            page.Items.Select(k => new ApiKeyResponse(k.Id, k.Name, k.Roles, k.CustomerId, k.Prefix, k.CreatedAt, k.RevokedAt)).ToList(),
            page.NextCursor);
    }

    private sealed record ApiKeyCursor(DateTimeOffset CreatedAt, string Hash);
}
