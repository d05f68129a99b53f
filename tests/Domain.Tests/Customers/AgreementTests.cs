using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Domain.Tests.ServiceLevels;

namespace ServiceDesk.Domain.Tests.Customers;

/// <summary>Agreements: coverage, validity, retired levels and products, status over time, cancellation.</summary>
public class AgreementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    private static readonly ProductLine Ops = new("OPS", "Operations", "运维服务", null);
    private static readonly ProductSeries ServiceDeskSeries = new("OPS-SD", Ops, "Service Desk", "服务台", null);

    private static Product NewProduct(string code) => new(code, ServiceDeskSeries, new ProductOffer(code, code, null, ProductKind.Support, [DeliveryMode.Remote], 100m));

    private static Customer Acme() => new(Guid.CreateVersion7(Now), "ACME", "ACME", []);

    private static Agreement ForLine(ServiceLevel? level = null, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        Agreement.Create(Guid.CreateVersion7(Now), Acme(), level ?? ServiceLevelTests.Gold(), Ops, [], from ?? Now, to, Now);

    [Fact]
    public void An_agreement_covers_a_line_or_a_list_of_products()
    {
        var line = ForLine();
        var products = Agreement.Create(Guid.CreateVersion7(Now), Acme(), ServiceLevelTests.Gold(), null, [NewProduct("OPS-SD-02"), NewProduct("OPS-SD-01")], Now, null, Now);

        Assert.Equal("OPS", line.ProductLineCode);
        Assert.Empty(line.ProductCodes);
        Assert.Null(products.ProductLineCode);
        Assert.Equal(["OPS-SD-01", "OPS-SD-02"], products.ProductCodes);
    }

    [Fact]
    public void An_agreement_with_both_a_line_and_products_or_with_neither_is_refused()
    {
        Assert.Equal("productCodes", Assert.Throws<DomainException>(() =>
            Agreement.Create(Guid.CreateVersion7(Now), Acme(), ServiceLevelTests.Gold(), Ops, [NewProduct("OPS-SD-01")], Now, null, Now)).Field);
        Assert.Equal("productLineCode", Assert.Throws<DomainException>(() =>
            Agreement.Create(Guid.CreateVersion7(Now), Acme(), ServiceLevelTests.Gold(), null, [], Now, null, Now)).Field);
    }

    [Fact]
    public void Validity_must_end_after_it_starts() =>
        Assert.Equal("validTo", Assert.Throws<DomainException>(() => ForLine(to: Now)).Field);

    [Fact]
    public void A_retired_product_cannot_go_in_a_new_agreement()
    {
        var retired = NewProduct("OPS-SD-03");
        retired.Retire(Now);

        var exception = Assert.Throws<DomainException>(() =>
            Agreement.Create(Guid.CreateVersion7(Now), Acme(), ServiceLevelTests.Gold(), null, [retired], Now, null, Now));

        Assert.Equal("product-retired", exception.Rule);
        Assert.Equal(DomainErrorKind.Unprocessable, exception.Kind);
    }

    [Fact]
    public void A_retired_level_cannot_go_in_a_new_agreement()
    {
        var retired = ServiceLevelTests.Gold();
        retired.Retire();

        Assert.Equal("service-level-retired", Assert.Throws<DomainException>(() => ForLine(retired)).Rule);
    }

    [Fact]
    public void An_inactive_customer_gets_no_new_agreement()
    {
        var customer = Acme();
        customer.Update(customer.Name, [], active: false);

        Assert.Equal("customer-inactive", Assert.Throws<DomainException>(() =>
            Agreement.Create(Guid.CreateVersion7(Now), customer, ServiceLevelTests.Gold(), Ops, [], Now, null, Now)).Rule);
    }

    [Fact]
    public void A_product_retired_since_stays_covered_when_the_agreement_is_changed_but_cannot_be_added()
    {
        var kept = NewProduct("OPS-SD-01");
        var agreement = Agreement.Create(Guid.CreateVersion7(Now), Acme(), ServiceLevelTests.Gold(), null, [kept], Now, null, Now);
        kept.Retire(Now);
        var added = NewProduct("OPS-SD-02");
        added.Retire(Now);

        agreement.Change(ServiceLevelTests.Gold(), null, [kept], Now, Now.AddYears(1));
        Assert.Equal(Now.AddYears(1), agreement.ValidTo);

        Assert.Equal("product-retired", Assert.Throws<DomainException>(() =>
            agreement.Change(ServiceLevelTests.Gold(), null, [kept, added], Now, null)).Rule);
    }

    [Fact]
    public void A_level_retired_since_stays_but_moving_to_a_retired_level_is_refused()
    {
        var gold = ServiceLevelTests.Gold();
        var agreement = ForLine(gold);
        gold.Retire();

        agreement.Change(gold, Ops, [], Now, null);

        var silver = new ServiceLevel("SILVER", new ServiceLevelTerms { Name = "Silver", NameZh = null, Rank = 3, CalendarCode = "5X8-CN", ResponseCalendarCode = null, PriceMultiplier = 1m, AvailabilityTargetPercent = 99.5m, OnSiteArrivalMinutes = null, Targets = gold.Targets });
        silver.Retire();
        Assert.Equal("service-level-retired", Assert.Throws<DomainException>(() => agreement.Change(silver, Ops, [], Now, null)).Rule);
    }

    [Fact]
    public void The_status_follows_the_clock_start_inclusive_end_exclusive()
    {
        var agreement = ForLine(from: Now.AddDays(1), to: Now.AddDays(31));

        Assert.Equal(AgreementStatus.Future, agreement.StatusAt(Now));
        Assert.Equal(AgreementStatus.Active, agreement.StatusAt(Now.AddDays(1)));
        Assert.Equal(AgreementStatus.Active, agreement.StatusAt(Now.AddDays(31).AddTicks(-1)));
        Assert.Equal(AgreementStatus.Expired, agreement.StatusAt(Now.AddDays(31)));
    }

    [Fact]
    public void A_cancelled_agreement_is_cancelled_from_then_on_and_cannot_change_or_be_cancelled_again()
    {
        var agreement = ForLine();

        agreement.Cancel(Now.AddHours(1));

        Assert.Equal(AgreementStatus.Active, agreement.StatusAt(Now));
        Assert.Equal(AgreementStatus.Cancelled, agreement.StatusAt(Now.AddHours(1)));
        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(() => agreement.Cancel(Now.AddHours(2))).Rule);
        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(() => agreement.Change(ServiceLevelTests.Gold(), Ops, [], Now, null)).Rule);
    }

    [Fact]
    public void An_expired_agreement_cannot_be_cancelled() =>
        Assert.Equal(
            DomainErrorKind.Conflict,
            Assert.Throws<DomainException>(() => ForLine(to: Now.AddDays(1)).Cancel(Now.AddDays(2))).Kind);

    [Fact]
    public void Instants_are_kept_in_UTC()
    {
        var agreement = ForLine(from: new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(TimeSpan.Zero, agreement.ValidFrom.Offset);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), agreement.ValidFrom);
    }

    [Fact]
    public void The_sort_key_is_the_id_in_hex() =>
        Assert.Equal(ForLine() is var a ? a.Id.ToString("N") : null, a.SortKey);
}
