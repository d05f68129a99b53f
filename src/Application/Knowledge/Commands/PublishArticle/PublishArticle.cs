using Mediator;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Knowledge.Commands;

/// <summary>Publishes an article: customers can read it.</summary>
public sealed record PublishArticleCommand(string Id, string? IfMatch) : ICommand<ArticleResponse>;

internal sealed class PublishArticleHandler(IServiceDeskDbContext db, TimeProvider clock) : ICommandHandler<PublishArticleCommand, ArticleResponse>
{
    public async ValueTask<ArticleResponse> Handle(PublishArticleCommand command, CancellationToken cancellationToken)
    {
        var article = await db.LoadArticleForUpdateAsync(command.Id, command.IfMatch, cancellationToken);
        article.Publish(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return article.ToResponse();
    }
}
