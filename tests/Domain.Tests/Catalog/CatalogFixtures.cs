using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Tests.Catalog;

/// <summary>Small builders for valid catalog entities, so each test changes only what it is about.</summary>
internal static class CatalogFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    public static ProductLine Line(string code = "OPS") =>
        new(code, "Operations & Maintenance Services", "运维服务", "Keeping systems running");

    public static ProductSeries Series(string code = "OPS-SD", ProductLine? line = null) =>
        new(code, line ?? Line(), "Service Desk", "服务台", "desktop");

    public static Product Product(
        string code = "OPS-SD-01",
        ProductSeries? series = null,
        decimal monthlyBasePrice = 1800m,
        ProductKind kind = ProductKind.Support,
        IEnumerable<DeliveryMode>? deliveryModes = null) =>
        new(code, series ?? Series(), new ProductOffer("24x7 IT Service Desk", "7x24 IT服务台", null, kind, deliveryModes ?? [DeliveryMode.Remote], monthlyBasePrice));

    /// <summary>Asserts a 400-style refusal naming <paramref name="field"/>.</summary>
    public static DomainException AssertInvalid(string field, Func<object?> create) =>
        AssertInvalid(field, () => { _ = create(); });

    /// <summary>Asserts a 400-style refusal naming <paramref name="field"/>.</summary>
    public static DomainException AssertInvalid(string field, Action action)
    {
        var e = Assert.Throws<DomainException>(action);
        Assert.Equal(DomainErrorKind.Invalid, e.Kind);
        Assert.Equal(field, e.Field);
        return e;
    }
}
