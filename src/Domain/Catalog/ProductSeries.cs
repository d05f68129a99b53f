using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Catalog;

/// <summary>A series (e.g. OPS-SD) within one product line. A series never moves to another line.</summary>
public sealed class ProductSeries : Entity
{
    public const int ScopeMaxLength = 64;

    private ProductSeries()
    {
        Code = LineCode = Name = NameZh = string.Empty;
    }

    public ProductSeries(string code, ProductLine line, string name, string nameZh, string? scope)
    {
        ArgumentNullException.ThrowIfNull(line);
        Code = Guard.Code(code);
        LineCode = line.Code;
        Name = NameZh = string.Empty;
        Update(name, nameZh, scope);
    }

    public string Code { get; private set; }

    public string LineCode { get; private set; }

    public string Name { get; private set; }

    public string NameZh { get; private set; }

    public string? Scope { get; private set; }

    public void Update(string name, string nameZh, string? scope)
    {
        // Everything is checked before anything is assigned: a refused update leaves the series as it was.
        var checkedName = Guard.Required(name, "name", ProductLine.NameMaxLength);
        var checkedNameZh = Guard.Required(nameZh, "nameZh", ProductLine.NameMaxLength);
        var checkedScope = Guard.Optional(scope, "scope", ScopeMaxLength);
        Name = checkedName;
        NameZh = checkedNameZh;
        Scope = checkedScope;
    }
}
