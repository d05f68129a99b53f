using Mediator;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Knowledge.Commands;

/// <summary>Takes an article back to draft: customers no longer see it.</summary>
public sealed record UnpublishArticleCommand(string Id, string? IfMatch) : ICommand<ArticleResponse>;

internal sealed class UnpublishArticleHandler(IServiceDeskDbContext db, TimeProvider clock) : ICommandHandler<UnpublishArticleCommand, ArticleResponse>
{
    public async ValueTask<ArticleResponse> Handle(UnpublishArticleCommand command, CancellationToken cancellationToken)
    {
        var article = await db.LoadArticleForUpdateAsync(command.Id, command.IfMatch, cancellationToken);
        article.Unpublish(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return article.ToResponse();
    }
}
