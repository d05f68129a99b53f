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
        Name = Guard.Required(name, "name", ProductLine.NameMaxLength);
        NameZh = Guard.Required(nameZh, "nameZh", ProductLine.NameMaxLength);
        Scope = Guard.Optional(scope, "scope", ScopeMaxLength);
    }
}
