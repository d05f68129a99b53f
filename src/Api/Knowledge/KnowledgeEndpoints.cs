using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Knowledge;
using ServiceDesk.Application.Knowledge.Commands;
using ServiceDesk.Application.Knowledge.Queries;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Api.Knowledge;

/// <summary>Knowledge articles: agents and managers write and publish them; customers search and read published ones.</summary>
public static class KnowledgeEndpoints
{
    public static RouteGroupBuilder MapKnowledgeEndpoints(this RouteGroupBuilder api)
    {
        var articles = api.MapGroup("/knowledge-articles").WithTags("Knowledge").RequireAuthorization(Policies.StaffOrCustomer);

        articles.MapGet("/", async (string? q, string? product, string? status, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SearchArticlesQuery(q, product, QueryValues.Enum<ArticleStatus>(status, "status"), new PageRequest(limit, cursor)), ct)))
            .WithName("SearchKnowledgeArticles").WithSummary("Search articles, newest first (q: title, body or tag; product; status). Customers see published ones only");

        articles.MapPost("/", async (CreateArticleCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var article = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/knowledge-articles/{article.Id}", article);
            })
            .RequireAuthorization(Policies.Staff)
            .Idempotent()
            .ProducesProblemTypes(RuleNames.NotAKnownError)
            .WithName("CreateKnowledgeArticle").WithSummary("Write an article (Draft), from scratch or from a known error (problemNumber)")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        articles.MapGet("/{id}", async (string id, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetArticleQuery(id), ct)))
            .WithName("GetKnowledgeArticle").WithSummary("Get an article (a draft is 404 to customers)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        articles.MapPut("/{id}", async (string id, ArticleBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new UpdateArticleCommand(id, http.Request.IfMatch(), body), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ReplaceKnowledgeArticle").WithSummary("Replace an article's title, body, product and tags")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        var publication = new (string Action, string Name, string Summary, Func<string, string?, ICommand<ArticleResponse>> Command)[]
        {
            ("publish", "PublishKnowledgeArticle", "Publish (customers can read it)", (id, ifMatch) => new PublishArticleCommand(id, ifMatch)),
            ("unpublish", "UnpublishKnowledgeArticle", "Take back to draft (customers no longer see it)", (id, ifMatch) => new UnpublishArticleCommand(id, ifMatch)),
        };
        foreach (var (action, name, summary, command) in publication)
        {
            articles.MapPost("/{id}/" + action, async (string id, ISender sender, HttpContext http, CancellationToken ct) =>
                    HttpResults.Updated(http, await sender.Send(command(id, http.Request.IfMatch()), ct)))
                .RequireAuthorization(Policies.Staff)
                .ProducesProblemTypes(RuleNames.IllegalTransition)
                .WithName(name).WithSummary(summary)
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        }

        return api;
    }
}
