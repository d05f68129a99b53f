using System.Text.Json.Serialization;
using Riok.Mapperly.Abstractions;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Knowledge;

namespace ServiceDesk.Application.Knowledge;

/// <summary>A knowledge article.</summary>
/// <param name="Id" example="019abcde-0000-7000-8000-00000000a001">Its id.</param>
/// <param name="Title" example="Outbound mail stalls in the morning">The title.</param>
/// <param name="Body" example="Symptoms: ... Workaround: restart the relay service.">The text.</param>
/// <param name="ProductCode" example="OPS-APP-03">The product it is about, if any.</param>
/// <param name="Tags">Free tags, e.g. ["mail", "relay"].</param>
/// <param name="Status" example="Published">Draft or Published (customers see published articles only).</param>
/// <param name="ProblemNumber" example="PRB000007">The known error it was written from, if any.</param>
/// <param name="Author" example="li.wei">Who wrote it.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="PublishedAt">When it was (last) published.</param>
public sealed record ArticleResponse(
    string Id,
    string Title,
    string Body,
    string? ProductCode,
    IReadOnlyList<string> Tags,
    ArticleStatus Status,
    string? ProblemNumber,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt) : IHasETag
{
    [JsonIgnore]
    public int Version { get; init; }

    [JsonIgnore]
    public string ETag => ETags.FromVersion(Version);
}

/// <summary>Compile-time generated article mappings: in memory after a write, and as SQL projections for reads.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class KnowledgeMapper
{
    [MapperIgnoreTarget(nameof(ArticleResponse.ETag))]
    public static partial ArticleResponse ToResponse(this KnowledgeArticle article);

    public static partial IQueryable<ArticleResponse> ProjectToResponse(this IQueryable<KnowledgeArticle> articles);
}
