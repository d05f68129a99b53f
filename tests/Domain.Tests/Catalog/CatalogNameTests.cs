using ServiceDesk.Domain.Catalog;
using static ServiceDesk.Domain.Tests.Catalog.CatalogFixtures;

namespace ServiceDesk.Domain.Tests.Catalog;

public sealed class CatalogNameTests
{
    private static readonly string TooLongName = new('x', ProductLine.NameMaxLength + 1);
    private static readonly string LongestName = new('x', ProductLine.NameMaxLength);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_line_needs_an_English_and_a_Chinese_name(string? blank)
    {
        AssertInvalid("name", () => new ProductLine("OPS", blank!, "运维服务", null));
        AssertInvalid("nameZh", () => new ProductLine("OPS", "Operations", blank!, null));
        var line = Line();
        AssertInvalid("name", () => line.Rename(blank!, "运维服务", null));
        AssertInvalid("nameZh", () => line.Rename("Operations", blank!, null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_series_needs_an_English_and_a_Chinese_name(string? blank)
    {
        AssertInvalid("name", () => new ProductSeries("OPS-SD", Line(), blank!, "服务台", null));
        AssertInvalid("nameZh", () => new ProductSeries("OPS-SD", Line(), "Service Desk", blank!, null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_product_needs_an_English_and_a_Chinese_name(string? blank)
    {
        AssertInvalid("name", () => new Product("OPS-SD-01", Series(), new ProductOffer(blank!, "服务台", null, ProductKind.Support, [DeliveryMode.Remote], 1m)));
        AssertInvalid("nameZh", () => new Product("OPS-SD-01", Series(), new ProductOffer("Service Desk", blank!, null, ProductKind.Support, [DeliveryMode.Remote], 1m)));
        var product = Product();
        AssertInvalid("name", () => product.Update(new ProductOffer(blank!, "服务台", null, ProductKind.Support, [DeliveryMode.Remote], 1m)));
    }

    [Fact]
    public void Names_longer_than_the_limit_are_refused_naming_the_field()
    {
        AssertInvalid("name", () => new ProductLine("OPS", TooLongName, "运维服务", null));
        AssertInvalid("nameZh", () => new ProductLine("OPS", "Operations", TooLongName, null));
        AssertInvalid("name", () => new ProductSeries("OPS-SD", Line(), TooLongName, "服务台", null));
        AssertInvalid("nameZh", () => new ProductSeries("OPS-SD", Line(), "Service Desk", TooLongName, null));
        AssertInvalid("name", () => new Product("OPS-SD-01", Series(), new ProductOffer(TooLongName, "服务台", null, ProductKind.Support, [DeliveryMode.Remote], 1m)));
        AssertInvalid("nameZh", () => new Product("OPS-SD-01", Series(), new ProductOffer("Desk", TooLongName, null, ProductKind.Support, [DeliveryMode.Remote], 1m)));
    }

    [Fact]
    public void Names_at_the_limit_are_accepted()
    {
        Assert.Equal(LongestName, new ProductLine("OPS", LongestName, LongestName, null).Name);
        Assert.Equal(LongestName, new ProductSeries("OPS-SD", Line(), LongestName, LongestName, null).NameZh);
        Assert.Equal(LongestName, new Product("OPS-SD-01", Series(), new ProductOffer(LongestName, LongestName, null, ProductKind.Support, [DeliveryMode.Remote], 1m)).Name);
    }

    [Fact]
    public void Descriptions_and_scopes_are_optional_but_length_limited()
    {
        Assert.Null(new ProductLine("OPS", "Operations", "运维服务", "  ").Description);
        Assert.Null(new ProductSeries("OPS-SD", Line(), "Desk", "服务台", null).Scope);
        AssertInvalid("description", () => new ProductLine("OPS", "Operations", "运维服务", new string('d', ProductLine.DescriptionMaxLength + 1)));
        AssertInvalid("scope", () => new ProductSeries("OPS-SD", Line(), "Desk", "服务台", new string('s', ProductSeries.ScopeMaxLength + 1)));
        AssertInvalid("description", () => new Product("OPS-SD-01", Series(), new ProductOffer("Desk", "服务台", new string('d', ProductLine.DescriptionMaxLength + 1), ProductKind.Support, [DeliveryMode.Remote], 1m)));
    }

    [Fact]
    public void Names_are_stored_trimmed()
    {
        var line = new ProductLine("OPS", "  Operations  ", " 运维服务 ", " covers ops ");
        Assert.Equal("Operations", line.Name);
        Assert.Equal("运维服务", line.NameZh);
        Assert.Equal("covers ops", line.Description);
    }
}
