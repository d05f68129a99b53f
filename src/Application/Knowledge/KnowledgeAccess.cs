using ServiceDesk.Application.Changes;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Knowledge;

namespace ServiceDesk.Application.Knowledge;

/// <summary>Finds articles the way every use case must: by any spelling of their id, drafts hidden from customers, writes version-checked.</summary>
internal static class KnowledgeAccess
{
    /// <summary>Article ids are GUIDs kept as canonical text; any GUID spelling a client sends finds its article.</summary>
    public static string NormaliseArticleId(string id) => Guid.TryParse(id, out var guid) ? guid.ToString() : id;

    /// <summary>Articles the caller may read: customers see published articles only.</summary>
    public static IQueryable<KnowledgeArticle> VisibleTo(this IQueryable<KnowledgeArticle> articles, ICurrentUser user) =>
        user.IsCustomerOnly ? articles.Where(a => a.Status == ArticleStatus.Published) : articles;

    /// <summary>A tracked article for a write; 404 when missing; 412 on a stale If-Match.</summary>
    public static Task<KnowledgeArticle> LoadArticleForUpdateAsync(this IServiceDeskDbContext db, string id, string? ifMatch, CancellationToken cancellationToken)
    {
        var key = NormaliseArticleId(id);
        return db.KnowledgeArticles.LoadForUpdateAsync(a => a.Id == key, ifMatch, "Knowledge article", id, cancellationToken);
    }

    /// <summary>A product an article names exists (400 naming <c>productCode</c> otherwise).</summary>
    public static async Task CheckArticleProductAsync(this IServiceDeskDbContext db, string? productCode, CancellationToken cancellationToken)
    {
        if (productCode is null)
            return;
        await db.ProductKindsAsync([productCode], "productCode", cancellationToken);
    }
}
