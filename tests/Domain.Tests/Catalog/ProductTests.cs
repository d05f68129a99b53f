using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Common;
using static ServiceDesk.Domain.Tests.Catalog.CatalogFixtures;

namespace ServiceDesk.Domain.Tests.Catalog;

public sealed class ProductTests
{
    [Fact]
    public void A_new_product_is_active_and_takes_its_series_and_line()
    {
        var line = Line("SEC");
        var series = Series("SEC-AS", line);

        var product = Product("SEC-AS-02", series);

        Assert.Equal("SEC-AS", product.SeriesCode);
        Assert.Equal("SEC", product.LineCode);
        Assert.Equal(ProductStatus.Active, product.Status);
        Assert.False(product.IsRetired);
        Assert.Null(product.RetiredAt);
    }

    [Fact]
    public void A_product_needs_a_series()
    {
        Assert.Throws<ArgumentNullException>(() => new Product("OPS-SD-01", null!, new ProductOffer("Desk", "服务台", null, ProductKind.Support, [DeliveryMode.Remote], 1m)));
    }

    [Fact]
    public void Moving_a_product_to_a_series_of_another_line_takes_that_line()
    {
        var product = Product(series: Series("OPS-SD", Line("OPS")));

        product.MoveTo(Series("MNT-HW", Line("MNT")));

        Assert.Equal("MNT-HW", product.SeriesCode);
        Assert.Equal("MNT", product.LineCode);
    }

    [Fact]
    public void A_negative_monthly_base_price_is_refused()
    {
        AssertInvalid("monthlyBasePrice", () => Product(monthlyBasePrice: -0.01m));
        var product = Product();
        AssertInvalid("monthlyBasePrice", () => product.Update(new ProductOffer("Desk", "服务台", null, ProductKind.Support, [DeliveryMode.Remote], -1m)));
        Assert.Equal(1800m, product.MonthlyBasePrice);
    }

    [Fact]
    public void A_refused_update_leaves_the_product_as_it_was()
    {
        var product = Product(deliveryModes: [DeliveryMode.Remote]);

        AssertInvalid("monthlyBasePrice", () => product.Update(new ProductOffer("Renamed", "改名", "new", ProductKind.Request, [DeliveryMode.OnSite], -1m)));

        Assert.Equal("24x7 IT Service Desk", product.Name);
        Assert.Equal("7x24 IT服务台", product.NameZh);
        Assert.Null(product.Description);
        Assert.Equal(ProductKind.Support, product.Kind);
        Assert.Equal([DeliveryMode.Remote], product.DeliveryModes);
        Assert.Equal(1800m, product.MonthlyBasePrice);
    }

    [Fact]
    public void A_zero_monthly_base_price_is_accepted()
    {
        Assert.Equal(0m, Product(monthlyBasePrice: 0m).MonthlyBasePrice);
    }

    [Fact]
    public void A_product_needs_at_least_one_delivery_mode()
    {
        AssertInvalid("deliveryModes", () => Product(deliveryModes: []));
        var product = Product();
        AssertInvalid("deliveryModes", () => product.Update(new ProductOffer("Desk", "服务台", null, ProductKind.Support, [], 1m)));
        Assert.Equal([DeliveryMode.Remote], product.DeliveryModes);
    }

    [Fact]
    public void Delivery_modes_are_kept_once_each_in_order()
    {
        var product = Product(deliveryModes: [DeliveryMode.OnSite, DeliveryMode.Remote, DeliveryMode.OnSite]);
        Assert.Equal([DeliveryMode.Remote, DeliveryMode.OnSite], product.DeliveryModes);
    }

    [Fact]
    public void An_undefined_kind_is_refused_naming_kind()
    {
        AssertInvalid("kind", () => Product(kind: (ProductKind)42));
    }

    [Fact]
    public void Retiring_an_active_product_records_when()
    {
        var product = Product();

        product.Retire(Now);

        Assert.Equal(ProductStatus.Retired, product.Status);
        Assert.True(product.IsRetired);
        Assert.Equal(Now, product.RetiredAt);
    }

    [Fact]
    public void Retiring_a_retired_product_is_refused()
    {
        var product = Product();
        product.Retire(Now);

        var e = Assert.Throws<DomainException>(() => product.Retire(Now.AddDays(1)));

        Assert.Equal("illegal-transition", e.Rule);
        Assert.Equal(DomainErrorKind.Conflict, e.Kind);
        Assert.Equal(Now, product.RetiredAt);
    }

    [Fact]
    public void Reinstating_a_retired_product_makes_it_active_again()
    {
        var product = Product();
        product.Retire(Now);

        product.Reinstate();

        Assert.Equal(ProductStatus.Active, product.Status);
        Assert.Null(product.RetiredAt);
    }

    [Fact]
    public void Reinstating_an_active_product_is_refused()
    {
        var e = Assert.Throws<DomainException>(() => Product().Reinstate());

        Assert.Equal("illegal-transition", e.Rule);
        Assert.Equal(DomainErrorKind.Conflict, e.Kind);
    }

    [Fact]
    public void Requesting_Retired_in_an_edit_retires_the_product()
    {
        var product = Product();

        product.RequestStatus(ProductStatus.Retired, Now);

        Assert.True(product.IsRetired);
        Assert.Equal(Now, product.RetiredAt);
    }

    [Fact]
    public void Requesting_the_current_status_changes_nothing()
    {
        var active = Product();
        active.RequestStatus(ProductStatus.Active, Now);
        Assert.Equal(ProductStatus.Active, active.Status);

        var retired = Product();
        retired.Retire(Now);
        retired.RequestStatus(ProductStatus.Retired, Now.AddDays(1));
        Assert.Equal(Now, retired.RetiredAt);
    }

    [Fact]
    public void Requesting_Active_on_a_retired_product_is_refused_as_product_retired()
    {
        var product = Product();
        product.Retire(Now);

        var e = Assert.Throws<DomainException>(() => product.RequestStatus(ProductStatus.Active, Now));

        Assert.Equal("product-retired", e.Rule);
        Assert.Equal(DomainErrorKind.Conflict, e.Kind);
        Assert.Equal("status", e.Field);
        Assert.True(product.IsRetired);
    }

    [Fact]
    public void An_active_product_is_available()
    {
        Product().EnsureAvailable();
    }

    [Fact]
    public void A_retired_product_is_not_available_for_new_use()
    {
        var product = Product();
        product.Retire(Now);

        var e = Assert.Throws<DomainException>(() => product.EnsureAvailable("productCodes"));

        Assert.Equal("product-retired", e.Rule);
        Assert.Equal(DomainErrorKind.Unprocessable, e.Kind);
        Assert.Equal("productCodes", e.Field);
    }

    [Theory]
    [InlineData(1800, 1.5, 1, 12, 32400)]
    [InlineData(1800, 2.0, 1, 1, 3600)]
    [InlineData(1200, 0.7, 3, 6, 15120)]
    [InlineData(600, 1.0, 2, 12, 14400)]
    [InlineData(0, 1.5, 5, 12, 0)]
    [InlineData(333.33, 0.7, 1, 1, 233.33)] // 233.331 rounded to cents
    public void A_quote_is_base_price_times_multiplier_times_quantity_times_months(decimal price, decimal multiplier, int quantity, int months, decimal expected)
    {
        Assert.Equal(expected, Product(monthlyBasePrice: price).Quote(multiplier, quantity, months));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_quote_needs_a_quantity_of_at_least_one(int quantity)
    {
        AssertInvalid("quantity", () => Product().Quote(1.5m, quantity, 12));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-12)]
    public void A_quote_needs_at_least_one_month(int months)
    {
        AssertInvalid("months", () => Product().Quote(1.5m, 1, months));
    }
}
