using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Knowledge;

/// <summary>An article was published (customers can read it). Its <c>number</c> is the article's id.</summary>
public sealed record KnowledgePublished(string Number, DateTimeOffset OccurredAt, string Title, string? ProductCode, string? ProblemNumber)
    : DomainEvent(Number, OccurredAt)
{
    public override string EventType => "knowledge.published";
}
