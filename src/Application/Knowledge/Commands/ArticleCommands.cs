using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Changes;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Application.Knowledge.Commands;

/// <summary>Body of <c>POST /knowledge-articles</c>: from scratch (title and body required) or from a known error (<c>problemNumber</c>; the rest defaults from it).</summary>
/// <param name="Title" example="Outbound mail stalls in the morning">The title (from a known error: defaults to the problem's summary).</param>
/// <param name="Body" example="Restart the relay service; mail queued meanwhile is delivered.">The text (from a known error: defaults to symptoms, cause and workaround).</param>
/// <param name="ProductCode" example="OPS-APP-03">The product it is about (from a known error: defaults to the problem's).</param>
/// <param name="Tags">Free tags, e.g. ["mail", "relay"].</param>
/// <param name="ProblemNumber" example="PRB000007">Write it from this known error.</param>
public sealed record CreateArticleCommand(string? Title, string? Body, string? ProductCode, IReadOnlyList<string>? Tags, string? ProblemNumber) : ICommand<ArticleResponse>;

/// <summary>Body of <c>PUT /knowledge-articles/{id}</c>: the article's text, replaced as a whole.</summary>
/// <param name="Title" example="Outbound mail stalls in the morning">The title.</param>
/// <param name="Body" example="Restart the relay service; mail queued meanwhile is delivered.">The text.</param>
/// <param name="ProductCode" example="OPS-APP-03">The product it is about; optional.</param>
/// <param name="Tags">Free tags; optional.</param>
public sealed record ArticleBody(string? Title, string? Body, string? ProductCode, IReadOnlyList<string>? Tags);

public sealed record UpdateArticleCommand(string Id, string? IfMatch, ArticleBody Body) : ICommand<ArticleResponse>;

public sealed record PublishArticleCommand(string Id, string? IfMatch, bool Publish) : ICommand<ArticleResponse>;

public sealed class CreateArticleCommandValidator : AbstractValidator<CreateArticleCommand>
{
    public CreateArticleCommandValidator()
    {
        RuleFor(c => c.Title).NotEmpty().When(c => string.IsNullOrWhiteSpace(c.ProblemNumber));
        // "Body" is the article's text here, not a wrapped request body: named explicitly so errors say "body".
        RuleFor(c => c.Body).NotEmpty().When(c => string.IsNullOrWhiteSpace(c.ProblemNumber)).OverridePropertyName("body");
        RuleFor(c => c.Title).MaximumLength(KnowledgeArticle.TitleMaxLength);
        RuleFor(c => c.Body).MaximumLength(KnowledgeArticle.BodyMaxLength).OverridePropertyName("body");
        RuleFor(c => c.ProductCode!).MustBeCode().When(c => c.ProductCode is not null);
        RuleFor(c => c.Tags).Must(t => t is null || t.Count <= KnowledgeArticle.MaxTags).WithMessage($"'tags' may hold at most {KnowledgeArticle.MaxTags} tags.");
        RuleForEach(c => c.Tags).NotEmpty().MaximumLength(KnowledgeArticle.TagMaxLength).OverridePropertyName("tags");
        RuleFor(c => c.ProblemNumber).MaximumLength(DeskRecord.NumberMaxLength);
    }
}

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

internal sealed class ArticleCommandsHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateArticleCommand, ArticleResponse>,
      ICommandHandler<UpdateArticleCommand, ArticleResponse>,
      ICommandHandler<PublishArticleCommand, ArticleResponse>
{
    public async ValueTask<ArticleResponse> Handle(CreateArticleCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await CheckProductAsync(command.ProductCode, cancellationToken);
        KnowledgeArticle article;
        if (!string.IsNullOrWhiteSpace(command.ProblemNumber))
        {
            var number = command.ProblemNumber.Trim();
            var problem = await db.Problems.AsNoTracking().FirstOrDefaultAsync(p => p.Number == number, cancellationToken)
                ?? throw new RequestValidationException("problemNumber", $"Problem '{number}' does not exist.");
            article = KnowledgeArticle.FromKnownError(problem, command.Title, command.Body, command.ProductCode, command.Tags, user.Name, now);
        }
        else
        {
            article = KnowledgeArticle.Write(command.Title!, command.Body!, command.ProductCode, command.Tags, user.Name, now);
        }

        db.KnowledgeArticles.Add(article);
        await db.SaveChangesAsync(cancellationToken);
        return article.ToResponse();
    }

    public async ValueTask<ArticleResponse> Handle(UpdateArticleCommand command, CancellationToken cancellationToken)
    {
        var article = await LoadAsync(command.Id, command.IfMatch, cancellationToken);
        if (command.Body.ProductCode != article.ProductCode)
            await CheckProductAsync(command.Body.ProductCode, cancellationToken);
        article.Update(command.Body.Title!, command.Body.Body!, command.Body.ProductCode, command.Body.Tags, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return article.ToResponse();
    }

    public async ValueTask<ArticleResponse> Handle(PublishArticleCommand command, CancellationToken cancellationToken)
    {
        var article = await LoadAsync(command.Id, command.IfMatch, cancellationToken);
        if (command.Publish)
            article.Publish(clock.GetUtcNow());
        else
            article.Unpublish(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return article.ToResponse();
    }

    private async Task<KnowledgeArticle> LoadAsync(string id, string? ifMatch, CancellationToken cancellationToken)
    {
        var key = ArticleIds.Normalise(id);
        var article = await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == key, cancellationToken)
            ?? throw new NotFoundException("Knowledge article", id);
        if (!ETags.Matches(ifMatch, ETags.FromVersion(article.Version)))
            throw new PreconditionFailedException("Knowledge article", id);
        return article;
    }

    private async Task CheckProductAsync(string? productCode, CancellationToken cancellationToken)
    {
        if (productCode is null)
            return;
        await db.ProductKindsAsync([productCode], "productCode", cancellationToken);
    }
}

/// <summary>Article ids are GUIDs kept as canonical text; any GUID spelling a client sends finds its article.</summary>
internal static class ArticleIds
{
    public static string Normalise(string id) => Guid.TryParse(id, out var guid) ? guid.ToString() : id;
}
