using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Domain.Tests.Problems;

public sealed class ProblemEventTests
{
    [Fact]
    public void A_change_set_on_a_problem_raises_one_problem_updated_naming_what_changed()
    {
        var problem = Problems.Recorded();
        var created = Assert.IsType<ProblemUpdated>(Assert.Single(problem.DomainEvents));
        Assert.Equal(["created"], created.Changes);
        Assert.Equal(ProblemStatus.New, created.Status);
        problem.ClearDomainEvents();

        problem.Investigate(Problems.Agent, Problems.Later);
        problem.LinkIncident("INC000042", Problems.Agent, Problems.Later);
        var updated = Assert.IsType<ProblemUpdated>(Assert.Single(problem.DomainEvents));
        Assert.Equal("problem.updated", updated.EventType);
        Assert.Equal("PRB000007", updated.Number);
        Assert.Equal(["status", "incidents"], updated.Changes);
        Assert.Equal(ProblemStatus.Investigating, updated.Status);
        Assert.Equal("OPS-APP-03", updated.ProductCode);
    }

    [Fact]
    public void Publishing_an_article_raises_knowledge_published()
    {
        var article = KnowledgeArticle.Write("Mail relay stalls", "Restart the relay.", "OPS-APP-03", ["mail"], "li.wei", Problems.Now);
        Assert.Empty(article.DomainEvents);
        article.Publish(Problems.Later);
        var published = Assert.IsType<KnowledgePublished>(Assert.Single(article.DomainEvents));
        Assert.Equal("knowledge.published", published.EventType);
        Assert.Equal(article.Id, published.Number);
        Assert.Equal("Mail relay stalls", published.Title);
        Assert.Equal(Problems.Later, published.OccurredAt);
    }
}
