using Riok.Mapperly.Abstractions;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog;

/// <summary>Compile-time generated mappings from catalog entities to responses (in memory and as SQL projections).</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class CatalogMapper
{
    [MapperIgnoreTarget(nameof(ProductResponse.ETag))]
    public static partial ProductResponse ToResponse(this Product product);

    public static partial IQueryable<ProductResponse> ProjectToResponse(this IQueryable<Product> products);

    /// <summary>A series with its products (or without, when <paramref name="products"/> is null); the ETag covers both.</summary>
    public static ProductSeriesResponse ToResponse(this ProductSeries series, IReadOnlyList<ProductResponse>? products) =>
        new(series.Code, series.LineCode, series.Name, series.NameZh, series.Scope, products)
        {
            Version = series.Version,
            ETag = ETags.Composite(series.Version, products?.Count ?? 0, products?.Sum(p => (long)p.Version) ?? 0),
        };

    /// <summary>A line with its series; the ETag covers the line and everything embedded.</summary>
    public static ProductLineResponse ToResponse(this ProductLine line, IReadOnlyList<ProductSeriesResponse> series) =>
        new(line.Code, line.Name, line.NameZh, line.Description, series)
        {
            ETag = ETags.Composite(
                line.Version,
                series.Count + series.Sum(s => s.Products?.Count ?? 0),
                series.Sum(s => s.Version + (s.Products?.Sum(p => (long)p.Version) ?? 0))),
        };
}
