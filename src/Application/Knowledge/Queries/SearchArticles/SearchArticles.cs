using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Knowledge;

namespace ServiceDesk.Application.Knowledge.Queries;

/// <summary>
/// Articles, newest first: <c>q</c> matches title, body or a tag (case-insensitive), <c>product</c> the product,
/// <c>status</c> Draft or Published (customers always get published ones only).
/// </summary>
public sealed record SearchArticlesQuery(string? Q, string? Product, ArticleStatus? Status, PageRequest Page) : IQuery<Page<ArticleResponse>>;

public sealed class SearchArticlesQueryValidator : AbstractValidator<SearchArticlesQuery>
{
    public SearchArticlesQueryValidator()
    {
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Q).MaximumLength(200).OverridePropertyName("q");
        RuleFor(q => q.Product).MaximumLength(Domain.Common.Guard.MaxCodeLength).OverridePropertyName("product");
    }
}

internal sealed class SearchArticlesHandler(IServiceDeskDbContext db, ICurrentUser user) : IQueryHandler<SearchArticlesQuery, Page<ArticleResponse>>
{
    public async ValueTask<Page<ArticleResponse>> Handle(SearchArticlesQuery query, CancellationToken cancellationToken)
    {
        var articles = db.KnowledgeArticles.AsNoTracking().VisibleTo(user);
        if (query.Status is { } status)
            articles = articles.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Product))
            articles = articles.Where(a => a.ProductCode == query.Product);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLowerInvariant();
            articles = articles.Where(a => a.Title.ToLower().Contains(text) || a.Body.ToLower().Contains(text) || a.SearchTags.Contains(text));
        }

        if (Cursor.Decode<ArticleCursor>(query.Page.Cursor) is { } after)
            articles = articles.Where(a => a.CreatedAt < after.CreatedAt || (a.CreatedAt == after.CreatedAt && string.Compare(a.Id, after.Id) < 0));

        return await articles.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .ProjectToResponse()
            .ToPageAsync(query.Page.Size, a => new ArticleCursor(a.CreatedAt, a.Id), cancellationToken);
    }

    private sealed record ArticleCursor(DateTimeOffset CreatedAt, string Id);
}
