using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Catalog;
using ServiceDesk.Application.Catalog.Commands;
using ServiceDesk.Application.Catalog.Queries;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Api.Catalog;

/// <summary>Catalog routes: reads for any authenticated caller, writes for Admin.</summary>
public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        var catalog = api.MapGroup("/catalog").WithTags("Catalog").RequireAuthorization(Policies.Authenticated);

        catalog.MapGet("/product-lines", async (int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListProductLinesQuery(new PageRequest(limit, cursor)), ct)))
            .WithName("ListProductLines").WithSummary("List product lines with their series");

        catalog.MapGet("/product-lines/{lineCode}", async (string lineCode, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetProductLineQuery(lineCode), ct)))
            .WithName("GetProductLine").WithSummary("Get a product line with its series and products")
            .ProducesProblem(StatusCodes.Status404NotFound);

        catalog.MapPost("/product-lines", async (CreateProductLineCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var line = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/catalog/product-lines/{line.Code}", line);
            })
            .RequireAuthorization(Policies.Admin)
            .Idempotent()
            .ProducesProblemTypes(RuleNames.Duplicate)
            .WithName("CreateProductLine").WithSummary("Create a product line (Admin)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        catalog.MapPut("/product-lines/{lineCode}", async (string lineCode, ProductLineBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new UpdateProductLineCommand(lineCode, body, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ReplaceProductLine").WithSummary("Replace a product line's names and description (Admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        catalog.MapMergePatch<ProductLineResponse, ProductLineBody>("/product-lines/{lineCode}",
                code => new GetProductLineQuery(code), (code, body, ifMatch) => new UpdateProductLineCommand(code, body, ifMatch))
            .RequireAuthorization(Policies.Admin)
            .WithName("PatchProductLine").WithSummary("Change some fields of a product line (JSON merge patch, Admin)");

        catalog.MapGet("/series/{seriesCode}", async (string seriesCode, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetProductSeriesQuery(seriesCode), ct)))
            .WithName("GetProductSeries").WithSummary("Get a series with its products")
            .ProducesProblem(StatusCodes.Status404NotFound);

        catalog.MapPost("/series", async (CreateProductSeriesCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var series = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/catalog/series/{series.Code}", series);
            })
            .RequireAuthorization(Policies.Admin)
            .Idempotent()
            .ProducesProblemTypes(RuleNames.Duplicate)
            .WithName("CreateProductSeries").WithSummary("Create a series in a product line (Admin)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        catalog.MapPut("/series/{seriesCode}", async (string seriesCode, ProductSeriesBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new UpdateProductSeriesCommand(seriesCode, body, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ReplaceProductSeries").WithSummary("Replace a series' names and scope (Admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        catalog.MapMergePatch<ProductSeriesResponse, ProductSeriesBody>("/series/{seriesCode}",
                code => new GetProductSeriesQuery(code), (code, body, ifMatch) => new UpdateProductSeriesCommand(code, body, ifMatch))
            .RequireAuthorization(Policies.Admin)
            .WithName("PatchProductSeries").WithSummary("Change some fields of a series (JSON merge patch, Admin)");

        catalog.MapGet("/products", async (string? line, string? series, string? kind, string? status, string? q, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListProductsQuery(
                    line,
                    series,
                    QueryValues.Enum<ProductKind>(kind, "kind"),
                    QueryValues.Enum<ProductStatus>(status, "status"),
                    q,
                    new PageRequest(limit, cursor)), ct)))
            .WithName("ListProducts").WithSummary("List products (filters: line, series, kind, status; q searches code and both names)");

        catalog.MapGet("/products/{productCode}", async (string productCode, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetProductQuery(productCode), ct)))
            .WithName("GetProduct").WithSummary("Get a product (retired products stay readable)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        catalog.MapGet("/products/{productCode}/quote", async (string productCode, string? serviceLevel, int? quantity, int? months, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetQuoteQuery(productCode, serviceLevel, quantity ?? 1, months ?? 12), ct)))
            .ProducesProblemTypes(RuleNames.ProductRetired)
            .WithName("QuoteProduct").WithSummary("Price of a product at a service level: monthlyBasePrice x priceMultiplier x quantity x months")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        catalog.MapPost("/products", async (CreateProductCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var product = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/catalog/products/{product.Code}", product);
            })
            .RequireAuthorization(Policies.Admin)
            .Idempotent()
            .ProducesProblemTypes(RuleNames.Duplicate)
            .WithName("CreateProduct").WithSummary("Create a product in a series (Admin)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        catalog.MapPut("/products/{productCode}", async (string productCode, ProductBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new UpdateProductCommand(productCode, body, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .ProducesProblemTypes(RuleNames.ProductRetired)
            .WithName("ReplaceProduct").WithSummary("Replace a product's writable fields (Admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        catalog.MapMergePatch<ProductResponse, ProductBody>("/products/{productCode}",
                code => new GetProductQuery(code), (code, body, ifMatch) => new UpdateProductCommand(code, body, ifMatch),
                // The line follows the series: a patch that names a new series but no line must not be held to the old line.
                patch =>
                {
                    if (patch.ContainsKey("seriesCode") && !patch.ContainsKey("lineCode"))
                        patch["lineCode"] = null;
                })
            .RequireAuthorization(Policies.Admin)
            .ProducesProblemTypes(RuleNames.ProductRetired)
            .WithName("PatchProduct").WithSummary("Change some fields of a product (JSON merge patch, Admin)");

        catalog.MapPost("/products/{productCode}/retire", async (string productCode, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new RetireProductCommand(productCode, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("RetireProduct").WithSummary("Retire a product: it stays readable but cannot be sold or ticketed (Admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        catalog.MapPost("/products/{productCode}/reinstate", async (string productCode, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new ReinstateProductCommand(productCode, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("ReinstateProduct").WithSummary("Bring a retired product back on sale (Admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return api;
    }
}
