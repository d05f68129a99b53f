using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Catalog;

/// <summary>
/// A sellable product (e.g. OPS-SD-01). It belongs to a series and, through it, to that series' line.
/// Retirement is one-way unless explicitly reinstated: a retired product stays readable for old tickets
/// but cannot be sold or ticketed.
/// </summary>
public sealed class Product : Entity
{
    private Product()
    {
        Code = LineCode = SeriesCode = Name = NameZh = string.Empty;
    }

    public Product(string code, ProductSeries series, ProductOffer offer)
    {
        Code = Guard.Code(code);
        Name = NameZh = LineCode = SeriesCode = string.Empty;
        MoveTo(series);
        Update(offer);
        Status = ProductStatus.Active;
    }

    public string Code { get; private set; }

    public string LineCode { get; private set; }

    public string SeriesCode { get; private set; }

    public string Name { get; private set; }

    public string NameZh { get; private set; }

    public string? Description { get; private set; }

    public ProductKind Kind { get; private set; }

    public IReadOnlyList<DeliveryMode> DeliveryModes { get; private set; } = [];

    public decimal MonthlyBasePrice { get; private set; }

    public ProductStatus Status { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsRetired => Status == ProductStatus.Retired;

    /// <summary>Places the product in a series; its line is always the series' line.</summary>
    public void MoveTo(ProductSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        SeriesCode = series.Code;
        LineCode = series.LineCode;
    }

    public void Update(ProductOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var (name, nameZh, description, kind, deliveryModes, monthlyBasePrice) = offer;
        ArgumentNullException.ThrowIfNull(deliveryModes);
        if (!Enum.IsDefined(kind))
            throw DomainException.Invalid("kind", "'kind' must be support, request or recurring.");
        var modes = deliveryModes.Distinct().OrderBy(m => m).ToList();
        if (modes.Count == 0)
            throw DomainException.Invalid("deliveryModes", "'deliveryModes' must name at least one of Remote, OnSite.");

        // Everything is checked before anything is assigned: a refused update leaves the product as it was.
        var checkedName = Guard.Required(name, "name", ProductLine.NameMaxLength);
        var checkedNameZh = Guard.Required(nameZh, "nameZh", ProductLine.NameMaxLength);
        var checkedDescription = Guard.Optional(description, "description", ProductLine.DescriptionMaxLength);
        var checkedPrice = Guard.NonNegative(monthlyBasePrice, "monthlyBasePrice");

        Name = checkedName;
        NameZh = checkedNameZh;
        Description = checkedDescription;
        Kind = kind;
        DeliveryModes = modes;
        MonthlyBasePrice = checkedPrice;
    }

    public void Retire(DateTimeOffset at)
    {
        if (IsRetired)
            throw DomainException.IllegalTransition("product", Status, "retire");
        Status = ProductStatus.Retired;
        RetiredAt = at;
    }

    /// <summary>Brings a retired product back on sale: only as an explicit action, never as a side effect of an edit.</summary>
    public void Reinstate()
    {
        if (!IsRetired)
            throw DomainException.IllegalTransition("product", Status, "reinstate");
        Status = ProductStatus.Active;
        RetiredAt = null;
    }

    /// <summary>
    /// Applies a status asked for in an edit. Retiring through an edit is allowed; bringing a retired
    /// product back is not: it must be the explicit <see cref="Reinstate"/> action.
    /// </summary>
    public void RequestStatus(ProductStatus requested, DateTimeOffset at)
    {
        if (requested == Status)
            return;
        if (requested == ProductStatus.Retired)
        {
            Retire(at);
            return;
        }

        throw DomainException.ProductRetired(
            $"Product {Code} is retired; reinstate it explicitly with POST /api/v1/catalog/products/{Code}/reinstate.",
            "status",
            DomainErrorKind.Conflict);
    }

    /// <summary>Refuses using a retired product for something new (an agreement, a ticket).</summary>
    public void EnsureAvailable(string field = "productCode")
    {
        if (IsRetired)
            throw DomainException.ProductRetired($"Product {Code} is retired and cannot be used for new agreements or tickets.", field);
    }

    /// <summary>Monthly base price x the level's multiplier x quantity x months.</summary>
    public decimal Quote(decimal priceMultiplier, int quantity, int months)
    {
        if (quantity < 1)
            throw DomainException.Invalid("quantity", "'quantity' must be at least 1.");
        if (months < 1)
            throw DomainException.Invalid("months", "'months' must be at least 1.");
        return decimal.Round(MonthlyBasePrice * priceMultiplier * quantity * months, 2, MidpointRounding.AwayFromZero);
    }
}

/// <summary>What a product offers, as written on creation and on every update; the product checks it.</summary>
public sealed record ProductOffer(
    string Name,
    string NameZh,
    string? Description,
    ProductKind Kind,
    IEnumerable<DeliveryMode> DeliveryModes,
    decimal MonthlyBasePrice);
