using ServiceDesk.Domain.Catalog;
using static ServiceDesk.Domain.Tests.Catalog.CatalogFixtures;

namespace ServiceDesk.Domain.Tests.Catalog;

public sealed class CatalogCodeTests
{
    [Theory]
    [InlineData("OPS")]
    [InlineData("OPS-SD-01")]
    [InlineData("A")]
    [InlineData("7")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")] // exactly 32
    public void Well_formed_codes_are_accepted(string code)
    {
        Assert.Equal(code, Line(code).Code);
        Assert.Equal(code, Series(code).Code);
        Assert.Equal(code, Product(code).Code);
    }

    [Theory]
    [InlineData("ops")]
    [InlineData("Ops-SD")]
    [InlineData("OPS_SD")]
    [InlineData("OPS SD")]
    [InlineData("OPS.SD")]
    [InlineData("运维")]
    [InlineData("-OPS")]
    [InlineData("OPS-")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")] // 33
    public void Malformed_codes_are_refused_naming_code(string code)
    {
        AssertInvalid("code", () => Line(code));
        AssertInvalid("code", () => Series(code));
        AssertInvalid("code", () => Product(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void Blank_codes_are_refused_naming_code(string? code)
    {
        AssertInvalid("code", () => new ProductLine(code!, "Name", "名称", null));
        AssertInvalid("code", () => new ProductSeries(code!, Line(), "Name", "名称", null));
        AssertInvalid("code", () => new Product(code!, Series(), new ProductOffer("Name", "名称", null, ProductKind.Support, [DeliveryMode.Remote], 1m)));
    }
}
