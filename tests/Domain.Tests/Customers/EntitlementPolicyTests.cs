using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Domain.Tests.Customers;

/// <summary>domain.md section 2: which agreement decides a ticket's service level.</summary>
public class EntitlementPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    private static readonly EntitledProduct ServiceDesk = new("OPS-SD-01", "OPS", Retired: false);

    private static EntitlementCandidate Line(string level, int rank, string line = "OPS", DateTimeOffset? from = null, DateTimeOffset? to = null, DateTimeOffset? cancelledAt = null) =>
        new(Guid.NewGuid(), level, rank, line, [], from ?? Now.AddYears(-1), to, cancelledAt);

    private static EntitlementCandidate Products(string level, int rank, params string[] codes) =>
        new(Guid.NewGuid(), level, rank, null, codes, Now.AddYears(-1), null, null);

    private static EntitlementDecision Decide(EntitledProduct? product, params EntitlementCandidate[] candidates) =>
        EntitlementPolicy.Decide("ACME", product, candidates, Now);

    [Fact]
    public void A_product_level_agreement_beats_a_line_level_one_even_with_a_worse_rank()
    {
        var line = Line("PLATINUM", 1);
        var product = Products("SILVER", 3, "OPS-SD-01");

        var decision = Decide(ServiceDesk, line, product);

        Assert.True(decision.Entitled);
        Assert.Equal(EntitlementOutcome.Entitled, decision.Outcome);
        Assert.Equal("SILVER", decision.ServiceLevelCode);
        Assert.Equal(product.AgreementId, decision.AgreementId);
        Assert.StartsWith("Product-level", decision.Reason);
    }

    [Fact]
    public void A_line_level_agreement_covers_every_product_of_its_line()
    {
        var decision = Decide(ServiceDesk, Line("GOLD", 2));

        Assert.Equal("GOLD", decision.ServiceLevelCode);
        Assert.StartsWith("Line-level", decision.Reason);
    }

    [Fact]
    public void Among_several_line_level_agreements_the_best_rank_wins()
    {
        var gold = Line("GOLD", 2);

        Assert.Equal(gold.AgreementId, Decide(ServiceDesk, Line("BRONZE", 4), gold, Line("SILVER", 3)).AgreementId);
    }

    [Fact]
    public void Among_several_product_level_agreements_the_best_rank_wins()
    {
        var platinum = Products("PLATINUM", 1, "OPS-SD-01", "OPS-SD-02");

        Assert.Equal("PLATINUM", Decide(ServiceDesk, Products("SILVER", 3, "OPS-SD-01"), platinum).ServiceLevelCode);
    }

    [Fact]
    public void An_agreement_on_another_line_or_other_products_does_not_cover_the_product()
    {
        var decision = Decide(ServiceDesk, Line("GOLD", 2, line: "MNT"), Products("PLATINUM", 1, "OPS-SD-02"));

        Assert.False(decision.Entitled);
        Assert.Equal(EntitlementOutcome.NotCovered, decision.Outcome);
        Assert.Null(decision.ServiceLevelCode);
        Assert.Null(decision.AgreementId);
        Assert.Equal("No valid agreement of customer ACME covers product OPS-SD-01 or its line OPS.", decision.Reason);
    }

    [Fact]
    public void Validity_starts_inclusively()
    {
        Assert.True(Decide(ServiceDesk, Line("GOLD", 2, from: Now)).Entitled);
        Assert.False(Decide(ServiceDesk, Line("GOLD", 2, from: Now.AddTicks(1))).Entitled);
    }

    [Fact]
    public void Validity_ends_exclusively()
    {
        Assert.False(Decide(ServiceDesk, Line("GOLD", 2, to: Now)).Entitled);
        Assert.True(Decide(ServiceDesk, Line("GOLD", 2, to: Now.AddTicks(1))).Entitled);
    }

    [Fact]
    public void An_expired_or_future_agreement_does_not_count_even_when_it_is_better()
    {
        var expired = Line("PLATINUM", 1, to: Now.AddDays(-1));
        var future = Products("PLATINUM", 1, "OPS-SD-01") with { ValidFrom = Now.AddDays(1) };
        var current = Line("BRONZE", 4);

        Assert.Equal("BRONZE", Decide(ServiceDesk, expired, future, current).ServiceLevelCode);
    }

    [Fact]
    public void A_cancelled_agreement_does_not_count_from_its_cancellation()
    {
        Assert.False(Decide(ServiceDesk, Line("GOLD", 2, cancelledAt: Now)).Entitled);
        Assert.True(Decide(ServiceDesk, Line("GOLD", 2, cancelledAt: Now.AddMinutes(1))).Entitled);
    }

    [Fact]
    public void A_retired_product_is_not_entitled_whatever_the_agreements_say()
    {
        var decision = Decide(ServiceDesk with { Retired = true }, Products("PLATINUM", 1, "OPS-SD-01"), Line("GOLD", 2));

        Assert.False(decision.Entitled);
        Assert.Equal(EntitlementOutcome.ProductRetired, decision.Outcome);
        Assert.Equal("Product OPS-SD-01 is retired.", decision.Reason);
    }

    [Fact]
    public void Without_a_product_the_best_level_among_the_agreements_in_force_applies()
    {
        var platinum = Products("PLATINUM", 1, "SEC-PT-01");

        var decision = Decide(null, Line("SILVER", 3, line: "MNT"), platinum, Line("PLATINUM", 1, to: Now.AddDays(-1)));

        Assert.Equal(platinum.AgreementId, decision.AgreementId);
    }

    [Fact]
    public void Without_a_product_and_without_an_agreement_in_force_the_customer_is_not_entitled()
    {
        var decision = Decide(null, Line("GOLD", 2, from: Now.AddDays(1)));

        Assert.False(decision.Entitled);
        Assert.Equal(EntitlementOutcome.NoAgreementInForce, decision.Outcome);
        Assert.Equal("Customer ACME has no agreement in force.", decision.Reason);
    }

    [Fact]
    public void Ties_on_rank_are_broken_the_same_way_whatever_the_order_of_the_candidates()
    {
        var a = Line("GOLD", 2);
        var b = Line("GOLD", 2);

        Assert.Equal(Decide(ServiceDesk, a, b).AgreementId, Decide(ServiceDesk, b, a).AgreementId);
    }
}
