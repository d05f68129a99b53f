using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Domain.Knowledge;

public enum ArticleStatus
{
    Draft,
    Published,
}

/// <summary>
/// A knowledge article: written from scratch or from a known error, searched by agents and customers. Customers only
/// ever see published articles; a draft is the authors' own.
/// </summary>
public sealed class KnowledgeArticle : Entity, IHasDomainEvents
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 20000;
    public const int MaxTags = 20;
    public const int TagMaxLength = 50;

    private readonly List<DomainEvent> _events = [];

    private KnowledgeArticle()
    {
        Id = Title = Body = Author = SearchTags = string.Empty;
    }

    private KnowledgeArticle(string id, string author, DateTimeOffset createdAt)
    {
        Id = id;
        Title = Body = SearchTags = string.Empty;
        Author = author;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        Status = ArticleStatus.Draft;
    }

    /// <summary>
    /// A GUID in its canonical text form: a string key lets lists page on (created, id) the same way on every provider
    /// (databases sort GUID columns differently).
    /// </summary>
    public string Id { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public string? ProductCode { get; private set; }

    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>The tags as <c>|tag|tag|</c> in lower case, so a search can match a tag in SQL.</summary>
    public string SearchTags { get; private set; }

    public ArticleStatus Status { get; private set; }

    /// <summary>The known error it was written from, if any.</summary>
    public string? ProblemNumber { get; private set; }

    public string Author { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public IReadOnlyList<DomainEvent> DomainEvents => _events;

    public void ClearDomainEvents() => _events.Clear();

    public static KnowledgeArticle Write(string title, string body, string? productCode, IEnumerable<string>? tags, string author, DateTimeOffset now)
    {
        var article = new KnowledgeArticle(Guid.CreateVersion7(now).ToString(), author, now);
        article.Update(title, body, productCode, tags, now);
        return article;
    }

    /// <summary>
    /// An article from a known error: its symptoms, root cause and workaround; title, body and product default to the
    /// problem's when not given.
    /// </summary>
    public static KnowledgeArticle FromKnownError(Problem problem, string? title, string? body, string? productCode, IEnumerable<string>? tags, string author, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.RootCause is null || problem.Workaround is null)
            throw DomainException.NotAKnownError($"Problem {problem.Number} is {problem.Status}: an article is written from a known error, once its root cause and workaround are recorded.", "problemNumber", DomainErrorKind.Unprocessable);
        var article = Write(
            string.IsNullOrWhiteSpace(title) ? problem.Summary : title,
            string.IsNullOrWhiteSpace(body) ? $"Symptoms\n\n{problem.Description}\n\nCause\n\n{problem.RootCause}\n\nWorkaround\n\n{problem.Workaround}" : body,
            productCode ?? problem.ProductCode,
            tags,
            author,
            now);
        article.ProblemNumber = problem.Number;
        return article;
    }

    public void Update(string title, string body, string? productCode, IEnumerable<string>? tags, DateTimeOffset now)
    {
        var checkedTitle = Guard.Required(title, "title", TitleMaxLength);
        var checkedBody = Guard.Required(body, "body", BodyMaxLength);
        var checkedProduct = productCode is null ? null : Guard.Code(productCode, "productCode");
        var checkedTags = (tags ?? []).Select(t => Guard.Required(t, "tags", TagMaxLength)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (checkedTags.Any(t => t.Contains('|', StringComparison.Ordinal)))
            throw DomainException.Invalid("tags", "A tag may not contain '|'.");
        if (checkedTags.Count > MaxTags)
            throw DomainException.Invalid("tags", $"'tags' may hold at most {MaxTags} tags.");

        Title = checkedTitle;
        Body = checkedBody;
        ProductCode = checkedProduct;
        Tags = checkedTags;
        SearchTags = checkedTags.Count == 0 ? string.Empty : "|" + string.Join('|', checkedTags.Select(t => t.ToLowerInvariant())) + "|";
        UpdatedAt = now;
    }

    public void Publish(DateTimeOffset now)
    {
        if (Status == ArticleStatus.Published)
            throw DomainException.IllegalTransition("article", Status, "publish");
        Status = ArticleStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
        _events.Add(new KnowledgePublished(Id, now, Title, ProductCode, ProblemNumber));
    }

    /// <summary>Takes an article back to draft (customers no longer see it).</summary>
    public void Unpublish(DateTimeOffset now)
    {
        if (Status != ArticleStatus.Published)
            throw DomainException.IllegalTransition("article", Status, "unpublish");
        Status = ArticleStatus.Draft;
        UpdatedAt = now;
    }
}
