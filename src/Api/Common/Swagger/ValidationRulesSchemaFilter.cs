using System.Reflection;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ServiceDesk.Api.Common.Swagger;

/// <summary>
/// One source of truth for the document's constraints: the FluentValidation rules the server runs. Every validator of
/// the Application assembly is read once; a rule on <c>Body.Contact.Email</c> of a command lands on the <c>email</c>
/// property of the type that declares it. NotNull/NotEmpty (without a condition) make a property required and not
/// nullable; length rules give minLength/maxLength, comparisons and InclusiveBetween minimum/maximum, EmailAddress format
/// email and Matches the pattern, also under a condition (which only ever skips a blank value).
/// </summary>
internal sealed class ValidationRulesSchemaFilter(IServiceProvider services) : ISchemaFilter
{
    private readonly Lazy<Dictionary<Type, Dictionary<string, List<(IPropertyValidator Validator, bool Conditional)>>>> _rules = new(() => Load(services));

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null || context.Type is null
            || !_rules.Value.TryGetValue(context.Type, out var members))
            return;
        foreach (var (name, property) in concrete.Properties)
        {
            if (!members.TryGetValue(name, out var validators))
                continue;
            foreach (var (validator, conditional) in validators)
            {
                if (!conditional && validator is INotNullValidator or INotEmptyValidator)
                {
                    concrete.Required ??= new HashSet<string>(StringComparer.Ordinal);
                    concrete.Required.Add(name);
                }

                if (property is not OpenApiSchema target || (conditional && validator is INotNullValidator or INotEmptyValidator))
                    continue;
                Constrain(target, validator);
            }
        }
    }

    private static void Constrain(OpenApiSchema target, IPropertyValidator validator)
    {
        var isString = target.Type is { } type && type.HasFlag(JsonSchemaType.String);
        switch (validator)
        {
            case INotNullValidator:
                target.Type &= ~JsonSchemaType.Null;
                break;
            case INotEmptyValidator:
                target.Type &= ~JsonSchemaType.Null;
                if (isString)
                    target.MinLength = Math.Max(target.MinLength ?? 0, 1);
                else if (target.Type is { } arrayType && arrayType.HasFlag(JsonSchemaType.Array))
                    target.MinItems = Math.Max(target.MinItems ?? 0, 1);
                break;
            case ILengthValidator length when isString:
                if (length.Max > 0)
                    target.MaxLength = length.Max;
                if (length.Min > 0)
                    target.MinLength = length.Min;
                break;
            case IEmailValidator when isString:
                target.Format = "email";
                break;
            case IRegularExpressionValidator regex when isString:
                target.Pattern = regex.Expression;
                break;
            case IBetweenValidator between:
                target.Minimum = Number(between.From);
                target.Maximum = Number(between.To);
                break;
            case IComparisonValidator comparison when Number(comparison.ValueToCompare) is { } bound:
                // Integral bounds of strict comparisons become inclusive ones (> 0 is minimum 1); others are left out.
                var integral = comparison.ValueToCompare is int or long or short;
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThan when integral:
                        target.Minimum = Number(Convert.ToInt64(comparison.ValueToCompare, System.Globalization.CultureInfo.InvariantCulture) + 1);
                        break;
                    case Comparison.GreaterThanOrEqual:
                        target.Minimum = bound;
                        break;
                    case Comparison.LessThan when integral:
                        target.Maximum = Number(Convert.ToInt64(comparison.ValueToCompare, System.Globalization.CultureInfo.InvariantCulture) - 1);
                        break;
                    case Comparison.LessThanOrEqual:
                        target.Maximum = bound;
                        break;
                }

                break;
        }
    }

    private static string? Number(object? value) => value switch
    {
        int or long or short or decimal or double or float => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Rules by the type that declares the property and the property's JSON (camelCase) name.</summary>
    private static Dictionary<Type, Dictionary<string, List<(IPropertyValidator Validator, bool Conditional)>>> Load(IServiceProvider services)
    {
        var result = new Dictionary<Type, Dictionary<string, List<(IPropertyValidator Validator, bool Conditional)>>>();
        using var scope = services.CreateScope();
        var validated = typeof(Application.DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(i => i.GetGenericArguments()[0])
            .Distinct();
        foreach (var type in validated)
        {
            if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(type)) is not IEnumerable<IValidationRule> rules)
                continue;
            foreach (var rule in rules.Where(r => !string.IsNullOrEmpty(r.PropertyName)))
            {
                var ruleConditional = rule.HasCondition || rule.HasAsyncCondition;
                if (Resolve(type, rule.PropertyName) is not var (owner, property))
                    continue;
                var members = result.TryGetValue(owner, out var found) ? found : result[owner] = new(StringComparer.Ordinal);
                var list = members.TryGetValue(property, out var existing) ? existing : members[property] = [];
                list.AddRange(rule.Components.Select(c => (c.Validator, ruleConditional || c.HasCondition || c.HasAsyncCondition)));
            }
        }

        return result;
    }

    /// <summary>Walks a rule's path (<c>Body.Contact.Email</c>) to the type declaring the last property and its JSON name.</summary>
    private static (Type Owner, string Property)? Resolve(Type root, string path)
    {
        var owner = root;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var property = owner.GetProperty(segments[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
                return null;
            if (i == segments.Length - 1)
                return (owner, char.ToLowerInvariant(property.Name[0]) + property.Name[1..]);
            owner = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }

        return null;
    }
}
