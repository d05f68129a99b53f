using System.Text.Json.Nodes;
using System.Xml.XPath;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ServiceDesk.Api.Common.Swagger;

/// <summary>
/// Puts the <c>example="..."</c> values written on records' <c>&lt;param&gt;</c> doc comments onto the schema's
/// properties, so request and response bodies show realistic examples in Swagger UI.
/// </summary>
internal sealed class ExamplesSchemaFilter : ISchemaFilter
{
    private static readonly Lazy<Dictionary<string, string>> Examples = new(Load);

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null || context.Type is null)
            return;
        foreach (var (name, property) in concrete.Properties)
        {
            if (property is not OpenApiSchema propertySchema || propertySchema.Example is not null)
                continue;
            var key = $"{context.Type.FullName}.{char.ToUpperInvariant(name[0])}{name[1..]}";
            if (Examples.Value.TryGetValue(key, out var example))
                propertySchema.Example = IsNumeric(propertySchema) && decimal.TryParse(example, System.Globalization.CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(example);
        }
    }

    private static bool IsNumeric(OpenApiSchema schema) =>
        schema.Type is { } type && (type.HasFlag(JsonSchemaType.Number) || type.HasFlag(JsonSchemaType.Integer));

    /// <summary>Reads "T:Namespace.Record" param examples from the XML docs shipped beside the assemblies.</summary>
    private static Dictionary<string, string> Load()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in new[] { "ServiceDesk.Api.xml", "ServiceDesk.Application.xml" })
        {
            var path = Path.Combine(AppContext.BaseDirectory, file);
            if (!File.Exists(path))
                continue;
            using var reader = System.Xml.XmlReader.Create(path, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
            var navigator = new XPathDocument(reader).CreateNavigator();
            foreach (XPathNavigator member in navigator.Select("/doc/members/member[starts-with(@name,'T:')]"))
            {
                var typeName = member.GetAttribute("name", string.Empty)[2..];
                foreach (XPathNavigator param in member.Select("param[@example]"))
                    result[$"{typeName}.{param.GetAttribute("name", string.Empty)}"] = param.GetAttribute("example", string.Empty);
            }
        }

        return result;
    }
}
