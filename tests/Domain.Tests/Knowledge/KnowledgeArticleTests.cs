using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Domain.Problems;
using static ServiceDesk.Domain.Tests.Problems.Problems;

namespace ServiceDesk.Domain.Tests.Knowledge;

/// <summary>Knowledge articles (domain.md section 7): written from scratch or from a known error, draft until published.</summary>
public class KnowledgeArticleTests
{
    [Fact]
    public void A_new_article_is_a_draft_with_its_tags_cleaned_up()
    {
        var article = KnowledgeArticle.Write(" Reset a VPN token ", "Open the portal and ...", "OPS-SD-03", ["vpn", " VPN ", "token"], "li.wei", Now);

        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal("Reset a VPN token", article.Title);
        Assert.Equal(["vpn", "token"], article.Tags);
        Assert.Equal("|vpn|token|", article.SearchTags);
        Assert.True(Guid.TryParse(article.Id, out _));
    }

    [Fact]
    public void Publishing_and_unpublishing_move_between_draft_and_published()
    {
        var article = KnowledgeArticle.Write("Reset a VPN token", "Steps.", null, null, "li.wei", Now);

        article.Publish(Later);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(Later, article.PublishedAt);
        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(() => article.Publish(Later)).Rule);

        article.Unpublish(Later);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(() => article.Unpublish(Later)).Rule);
    }

    [Fact]
    public void An_article_from_a_known_error_carries_its_cause_and_workaround()
    {
        var problem = In(ProblemStatus.KnownError);

        var article = KnowledgeArticle.FromKnownError(problem, null, null, null, ["mail"], "li.wei", Later);

        Assert.Equal(problem.Summary, article.Title);
        Assert.Contains(problem.RootCause!, article.Body, StringComparison.Ordinal);
        Assert.Contains(problem.Workaround!, article.Body, StringComparison.Ordinal);
        Assert.Equal("OPS-APP-03", article.ProductCode);
        Assert.Equal(problem.Number, article.ProblemNumber);
    }

    [Theory]
    [InlineData(ProblemStatus.New)]
    [InlineData(ProblemStatus.Investigating)]
    public void A_problem_without_a_known_error_gives_no_article(ProblemStatus status)
    {
        var refused = Assert.Throws<DomainException>(() => KnowledgeArticle.FromKnownError(In(status), null, null, null, null, "li.wei", Later));

        Assert.Equal("not-a-known-error", refused.Rule);
        Assert.Equal("problemNumber", refused.Field);
    }

    [Theory]
    [InlineData("", "Body", "title")]
    [InlineData("Title", " ", "body")]
    public void An_article_needs_a_title_and_a_body(string title, string body, string field)
    {
        Assert.Equal(field, Assert.Throws<DomainException>(() => KnowledgeArticle.Write(title, body, null, null, "li.wei", Now)).Field);
    }

    [Fact]
    public void A_tag_may_not_contain_the_search_separator()
    {
        Assert.Equal("tags", Assert.Throws<DomainException>(() => KnowledgeArticle.Write("T", "B", null, ["a|b"], "li.wei", Now)).Field);
    }
}
