using System.Text.Json.Serialization;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog;

/// <summary>A product line with its series.</summary>
/// <param name="Code" example="OPS">Stable code of the line.</param>
/// <param name="Name" example="Operations &amp; Maintenance Services">English name.</param>
/// <param name="NameZh" example="运维服务">Chinese name.</param>
/// <param name="Description">What the line covers.</param>
/// <param name="Series">The line's series, ordered by code.</param>
public sealed record ProductLineResponse(
    string Code,
    string Name,
    string NameZh,
    string? Description,
    IReadOnlyList<ProductSeriesResponse> Series) : IHasETag
{
    [JsonIgnore]
    public string ETag { get; init; } = string.Empty;
}

/// <summary>A product series; <c>products</c> is present when the series is read on its own or within its line.</summary>
/// <param name="Code" example="OPS-SD">Stable code of the series.</param>
/// <param name="LineCode" example="OPS">The line it belongs to.</param>
/// <param name="Name" example="Service Desk &amp; End-User Computing">English name.</param>
/// <param name="NameZh" example="服务台与桌面终端运维">Chinese name.</param>
/// <param name="Scope" example="desktop">What part of the estate the series covers.</param>
/// <param name="Products">The series' products, ordered by code.</param>
public sealed record ProductSeriesResponse(
    string Code,
    string LineCode,
    string Name,
    string NameZh,
    string? Scope,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ProductResponse>? Products) : IHasETag
{
    [JsonIgnore]
    public int Version { get; init; }

    [JsonIgnore]
    public string ETag { get; init; } = string.Empty;
}

/// <summary>A catalog product.</summary>
/// <param name="Code" example="OPS-SD-01">Stable code of the product.</param>
/// <param name="LineCode" example="OPS">The product line.</param>
/// <param name="SeriesCode" example="OPS-SD">The series.</param>
/// <param name="Name" example="24x7 IT Service Desk">English name.</param>
/// <param name="NameZh" example="7x24 IT服务台">Chinese name.</param>
/// <param name="Description">What the product delivers.</param>
/// <param name="Kind" example="support">support, request or recurring.</param>
/// <param name="DeliveryModes">Remote and/or OnSite.</param>
/// <param name="MonthlyBasePrice" example="1800">Monthly base price (CNY) before the service level's multiplier.</param>
/// <param name="Status" example="Active">Active or Retired.</param>
public sealed record ProductResponse(
    string Code,
    string LineCode,
    string SeriesCode,
    string Name,
    string NameZh,
    string? Description,
    ProductKind Kind,
    IReadOnlyList<DeliveryMode> DeliveryModes,
    decimal MonthlyBasePrice,
    ProductStatus Status) : VersionedResponse;

/// <summary>The price of a product at a service level.</summary>
/// <param name="ProductCode" example="OPS-SD-01">The product quoted.</param>
/// <param name="ServiceLevelCode" example="GOLD">The service level quoted.</param>
/// <param name="Quantity" example="1">Number of units.</param>
/// <param name="Months" example="12">Contract length in months.</param>
/// <param name="MonthlyBasePrice" example="1800">The product's monthly base price.</param>
/// <param name="PriceMultiplier" example="1.5">The service level's multiplier.</param>
/// <param name="Total" example="32400">monthlyBasePrice x priceMultiplier x quantity x months.</param>
/// <param name="Currency" example="CNY">Currency of every amount.</param>
public sealed record QuoteResponse(
    string ProductCode,
    string ServiceLevelCode,
    int Quantity,
    int Months,
    decimal MonthlyBasePrice,
    decimal PriceMultiplier,
    decimal Total,
    string Currency);
