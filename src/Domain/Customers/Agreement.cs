using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Domain.Customers;

/// <summary>
/// What a customer bought: one service level for either a whole product line or a list of products, valid from
/// <see cref="ValidFrom"/> (inclusive) until <see cref="ValidTo"/> (exclusive; none: open-ended). Its status is not
/// stored but read at an instant (<see cref="StatusAt(DateTimeOffset)"/>), so an agreement expires without anyone
/// touching it.
/// </summary>
public sealed class Agreement : Entity
{
    public const int MaxProducts = 200;

    private readonly List<AgreementProduct> _products = [];

    private Agreement()
    {
        ServiceLevelCode = SortKey = string.Empty;
    }

    private Agreement(Guid id, Guid customerId, DateTimeOffset createdAt)
    {
        if (id == Guid.Empty)
            throw new ArgumentException("An agreement needs an id.", nameof(id));
        Id = id;
        SortKey = SortKeyOf(id);
        CustomerId = customerId;
        CreatedAt = createdAt.ToUniversalTime();
        ServiceLevelCode = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>
    /// The id as 32 lowercase hex digits: unique, and ordered the same way by every database (unlike a Guid column),
    /// so lists page on it. For version-7 ids it also follows creation order.
    /// </summary>
    public string SortKey { get; private set; }

    public Guid CustomerId { get; private set; }

    public string ServiceLevelCode { get; private set; }

    /// <summary>Set when the agreement covers a whole product line; null when it lists products.</summary>
    public string? ProductLineCode { get; private set; }

    /// <summary>The products covered when the agreement lists products; empty when it covers a line.</summary>
    public IReadOnlyCollection<AgreementProduct> Products => _products;

    public DateTimeOffset ValidFrom { get; private set; }

    public DateTimeOffset? ValidTo { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool CoversProductLine => ProductLineCode is not null;

    public IEnumerable<string> ProductCodes => _products.Select(p => p.ProductCode).Order(StringComparer.Ordinal);

    /// <summary>
    /// A new agreement for an active customer. The level and every product must be available (not retired); the
    /// coverage is exactly one of a product line and a non-empty list of products.
    /// </summary>
    public static Agreement Create(
        Guid id,
        Customer customer,
        ServiceLevel level,
        ProductLine? productLine,
        IReadOnlyCollection<Product> products,
        DateTimeOffset validFrom,
        DateTimeOffset? validTo,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(products);

        customer.EnsureActive();
        var agreement = new Agreement(id, customer.Id, now);
        agreement.Apply(level, productLine, products, validFrom, validTo, isNew: true);
        return agreement;
    }

    /// <summary>
    /// Replaces the level, the coverage and the validity. What the agreement already had stays allowed (a product
    /// retired since keeps its coverage); what it gains must be available. A cancelled agreement cannot change.
    /// </summary>
    public void Change(
        ServiceLevel level,
        ProductLine? productLine,
        IReadOnlyCollection<Product> products,
        DateTimeOffset validFrom,
        DateTimeOffset? validTo)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(products);
        if (CancelledAt is not null)
            throw DomainException.IllegalTransition("agreement", AgreementStatus.Cancelled, "change");
        Apply(level, productLine, products, validFrom, validTo, isNew: false);
    }

    /// <summary>Ends the agreement at once: from now on it grants nothing. An expired or cancelled one cannot be cancelled.</summary>
    public void Cancel(DateTimeOffset now)
    {
        var status = StatusAt(now);
        if (status is AgreementStatus.Cancelled or AgreementStatus.Expired)
            throw DomainException.IllegalTransition("agreement", status, "cancel");
        CancelledAt = now.ToUniversalTime();
    }

    public AgreementStatus StatusAt(DateTimeOffset at) => StatusAt(ValidFrom, ValidTo, CancelledAt, at);

    /// <summary>
    /// The status of any agreement at an instant: validity is inclusive at the start and exclusive at the end, and a
    /// cancellation counts from the moment it was made.
    /// </summary>
    public static AgreementStatus StatusAt(DateTimeOffset validFrom, DateTimeOffset? validTo, DateTimeOffset? cancelledAt, DateTimeOffset at)
    {
        if (cancelledAt is { } cancelled && cancelled <= at)
            return AgreementStatus.Cancelled;
        if (at < validFrom)
            return AgreementStatus.Future;
        if (validTo is { } end && end <= at)
            return AgreementStatus.Expired;
        return AgreementStatus.Active;
    }

    public static string SortKeyOf(Guid id) => id.ToString("N");

    private void Apply(ServiceLevel level, ProductLine? productLine, IReadOnlyCollection<Product> products, DateTimeOffset validFrom, DateTimeOffset? validTo, bool isNew)
    {
        if ((productLine is null) == (products.Count == 0))
        {
            throw DomainException.Invalid(
                productLine is null ? "productLineCode" : "productCodes",
                "An agreement covers exactly one of a product line ('productLineCode') and a list of products ('productCodes').");
        }

        if (products.Count > MaxProducts)
            throw DomainException.Invalid("productCodes", $"An agreement lists at most {MaxProducts} products.");
        var from = validFrom.ToUniversalTime();
        var to = validTo?.ToUniversalTime();
        if (to is { } end && end <= from)
            throw DomainException.Invalid("validTo", "'validTo' must be later than 'validFrom'.");

        if (isNew || level.Code != ServiceLevelCode)
            level.EnsureAvailable("serviceLevelCode");
        var current = _products.Select(p => p.ProductCode).ToHashSet(StringComparer.Ordinal);
        foreach (var product in products.Where(p => !current.Contains(p.Code)))
            product.EnsureAvailable("productCodes");

        ServiceLevelCode = level.Code;
        ProductLineCode = productLine?.Code;
        ValidFrom = from;
        ValidTo = to;

        // Changed in place, so products that stay keep their rows.
        var wanted = products.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        _products.RemoveAll(p => !wanted.Contains(p.ProductCode));
        foreach (var code in wanted.Where(code => !current.Contains(code)).Order(StringComparer.Ordinal))
            _products.Add(new AgreementProduct(code));
    }
}

/// <summary>One product listed by an agreement (a row of its own, so "which agreements cover X" is an index lookup).</summary>
public sealed class AgreementProduct
{
    private AgreementProduct()
    {
        ProductCode = string.Empty;
    }

    internal AgreementProduct(string productCode)
    {
        ProductCode = productCode;
    }

    public string ProductCode { get; private set; }
}

/// <summary>Where an agreement stands at an instant.</summary>
public enum AgreementStatus
{
    /// <summary>Valid now: it grants its level.</summary>
    Active,

    /// <summary>Its validity has not started yet.</summary>
    Future,

    /// <summary>Its validity has ended.</summary>
    Expired,

    /// <summary>Ended early by the cancel action.</summary>
    Cancelled,
}
