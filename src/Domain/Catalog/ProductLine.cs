using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Catalog;

/// <summary>A product line (e.g. OPS): the top of the catalog. Its code is its stable key.</summary>
public sealed class ProductLine : Entity
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    private ProductLine()
    {
        Code = Name = NameZh = string.Empty;
    }

    public ProductLine(string code, string name, string nameZh, string? description)
    {
        Code = Guard.Code(code);
        Rename(name, nameZh, description);
        Name ??= string.Empty;
        NameZh ??= string.Empty;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string NameZh { get; private set; }

    public string? Description { get; private set; }

    public void Rename(string name, string nameZh, string? description)
    {
        // Everything is checked before anything is assigned: a refused rename leaves the line as it was.
        var checkedName = Guard.Required(name, "name", NameMaxLength);
        var checkedNameZh = Guard.Required(nameZh, "nameZh", NameMaxLength);
        var checkedDescription = Guard.Optional(description, "description", DescriptionMaxLength);
        Name = checkedName;
        NameZh = checkedNameZh;
        Description = checkedDescription;
    }
}
