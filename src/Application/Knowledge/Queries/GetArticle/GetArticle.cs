using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Knowledge.Queries;

/// <summary>One article; a customer only finds published ones (a draft is 404 to them, as if it did not exist).</summary>
public sealed record GetArticleQuery(string Id) : IQuery<ArticleResponse>;

internal sealed class GetArticleHandler(IServiceDeskDbContext db, ICurrentUser user) : IQueryHandler<GetArticleQuery, ArticleResponse>
{
    public async ValueTask<ArticleResponse> Handle(GetArticleQuery query, CancellationToken cancellationToken)
    {
        var id = KnowledgeAccess.NormaliseArticleId(query.Id);
        return await db.KnowledgeArticles.AsNoTracking().VisibleTo(user).Where(a => a.Id == id).ProjectToResponse().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Knowledge article", query.Id);
    }
}
