using static ServiceDesk.Domain.Tests.Catalog.CatalogFixtures;

namespace ServiceDesk.Domain.Tests.Catalog;

public sealed class ProductLineAndSeriesTests
{
    [Fact]
    public void A_series_belongs_to_the_line_it_is_created_in()
    {
        var series = Series("SEC-OPS", Line("SEC"));
        Assert.Equal("SEC", series.LineCode);
    }

    [Fact]
    public void A_series_needs_a_line()
    {
        Assert.Throws<ArgumentNullException>(() => new global::ServiceDesk.Domain.Catalog.ProductSeries("OPS-SD", null!, "Desk", "服务台", null));
    }

    [Fact]
    public void Updating_a_series_keeps_its_line()
    {
        var series = Series("OPS-SD", Line("OPS"));

        series.Update("Desk & EUC", "服务台与桌面", "endpoint");

        Assert.Equal("OPS", series.LineCode);
        Assert.Equal("Desk & EUC", series.Name);
        Assert.Equal("endpoint", series.Scope);
    }

    [Fact]
    public void Renaming_a_line_keeps_its_code()
    {
        var line = Line("OPS");

        line.Rename("Ops", "运维", null);

        Assert.Equal("OPS", line.Code);
        Assert.Equal("Ops", line.Name);
        Assert.Null(line.Description);
    }

    [Fact]
    public void A_refused_rename_leaves_the_line_as_it_was()
    {
        var line = Line("OPS");

        AssertInvalid("nameZh", () => line.Rename("Renamed", " ", "new description"));

        Assert.Equal("Operations & Maintenance Services", line.Name);
        Assert.Equal("运维服务", line.NameZh);
        Assert.Equal("Keeping systems running", line.Description);
    }

    [Fact]
    public void A_refused_series_update_leaves_the_series_as_it_was()
    {
        var series = Series("OPS-SD");

        AssertInvalid("scope", () => series.Update("Renamed", "改名", new string('s', global::ServiceDesk.Domain.Catalog.ProductSeries.ScopeMaxLength + 1)));

        Assert.Equal("Service Desk", series.Name);
        Assert.Equal("服务台", series.NameZh);
        Assert.Equal("desktop", series.Scope);
    }
}
