using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
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

internal sealed class CreateArticleHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateArticleCommand, ArticleResponse>
{
    public async ValueTask<ArticleResponse> Handle(CreateArticleCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.CheckArticleProductAsync(command.ProductCode, cancellationToken);
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
}
