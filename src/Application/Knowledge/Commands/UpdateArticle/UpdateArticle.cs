using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Knowledge;

namespace ServiceDesk.Application.Knowledge.Commands;

/// <summary>Body of <c>PUT /knowledge-articles/{id}</c>: the article's text, replaced as a whole.</summary>
/// <param name="Title" example="Outbound mail stalls in the morning">The title.</param>
/// <param name="Body" example="Restart the relay service; mail queued meanwhile is delivered.">The text.</param>
/// <param name="ProductCode" example="OPS-APP-03">The product it is about; optional.</param>
/// <param name="Tags">Free tags; optional.</param>
public sealed record ArticleBody(string? Title, string? Body, string? ProductCode, IReadOnlyList<string>? Tags);

/// <summary>Replaces an article's title, body, product and tags.</summary>
public sealed record UpdateArticleCommand(string Id, string? IfMatch, ArticleBody Body) : ICommand<ArticleResponse>;

public sealed class UpdateArticleCommandValidator : AbstractValidator<UpdateArticleCommand>
{
    public UpdateArticleCommandValidator()
    {
        RuleFor(c => c.Body.Title).NotEmpty().MaximumLength(KnowledgeArticle.TitleMaxLength);
        RuleFor(c => c.Body.Body).NotEmpty().MaximumLength(KnowledgeArticle.BodyMaxLength);
        RuleFor(c => c.Body.ProductCode!).MustBeCode().When(c => c.Body.ProductCode is not null);
        RuleFor(c => c.Body.Tags).Must(t => t is null || t.Count <= KnowledgeArticle.MaxTags).WithMessage($"'tags' may hold at most {KnowledgeArticle.MaxTags} tags.");
        RuleForEach(c => c.Body.Tags).NotEmpty().MaximumLength(KnowledgeArticle.TagMaxLength).OverridePropertyName("tags");
    }
}

internal sealed class UpdateArticleHandler(IServiceDeskDbContext db, TimeProvider clock) : ICommandHandler<UpdateArticleCommand, ArticleResponse>
{
    public async ValueTask<ArticleResponse> Handle(UpdateArticleCommand command, CancellationToken cancellationToken)
    {
        var article = await db.LoadArticleForUpdateAsync(command.Id, command.IfMatch, cancellationToken);
        if (command.Body.ProductCode != article.ProductCode)
            await db.CheckArticleProductAsync(command.Body.ProductCode, cancellationToken);
        article.Update(command.Body.Title!, command.Body.Body!, command.Body.ProductCode, command.Body.Tags, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return article.ToResponse();
    }
}
