using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Api.Common;

/// <summary>
/// Names the field behind a framework binding failure (a 400 <see cref="BadHttpRequestException"/> from a minimal-API
/// endpoint) from structured facts: the <see cref="JsonException"/>'s path, the endpoint's declared parameters
/// (<see cref="IParameterBindingMetadata"/>, <see cref="IAcceptsMetadata"/>) and the request's values. The
/// exception's message is never read: its wording belongs to ASP.NET Core and System.Text.Json and changes between
/// versions.
/// </summary>
internal static class BindingFailures
{
    /// <summary>The <c>errors</c> of the 400 problem: the field as the client sent it, and what is wrong with it.</summary>
    public static Dictionary<string, string[]> Describe(HttpContext context, BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exception);

        // The exception handler runs with the endpoint and route values cleared; the feature keeps the failed ones.
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        var endpoint = feature?.Endpoint ?? context.GetEndpoint();
        var routeValues = feature?.RouteValues ?? context.Request.RouteValues;

        if (exception.InnerException is JsonException json)
            return FromJson(context, endpoint, json);

        if (endpoint is not null)
        {
            // A value from the route, query string or a header that is missing or does not parse as declared.
            foreach (var parameter in endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>().Where(p => p.HasTryParse))
            {
                var (name, values) = ValuesOf(context, routeValues, parameter);
                var given = values.Where(v => !string.IsNullOrEmpty(v)).ToList();
                if (given.Count == 0)
                {
                    if (!parameter.IsOptional && !IsNullable(parameter.ParameterInfo.ParameterType))
                        return Field(name, $"'{name}' is required.");
                    continue;
                }

                var type = ValueType(parameter.ParameterInfo.ParameterType);
                if (!given.TrueForAll(value => Parses(type, value!)))
                {
                    var options = context.RequestServices?.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions;
                    return Field(name, type.IsEnum && options is not null
                        ? $"'{name}' must be one of {AllowedValues(options, type)}."
                        : $"'{name}' has a value of the wrong type or format.");
                }
            }

            // Every such value binds, so what failed is the body the endpoint requires: none was sent (or "null").
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null, IsOptional: false })
                return Field("body", "A JSON body is required.");
        }

        return Field("body", "The request could not be read; check its body and parameters against the API description.");
    }

    /// <summary>"$.contact.email" -> "contact.email"; "$.items[2].code" -> "items[2].code"; "$" -> "body".</summary>
    internal static string JsonField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
            return "body";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return string.IsNullOrEmpty(field) ? "body" : field;
    }

    /// <summary>
    /// A value at a path is of the wrong type or format. At the root: JSON that does not parse (the reader's own
    /// <see cref="JsonException"/> is the inner one), or a value that is not the expected object, which includes an
    /// object without the required properties (the body type declares them).
    /// </summary>
    private static Dictionary<string, string[]> FromJson(HttpContext context, Endpoint? endpoint, JsonException json)
    {
        var field = JsonField(json.Path);
        if (field != "body")
        {
            var options = context.RequestServices?.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions;
            var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            return Field(field, options is null || bodyType is null ? $"'{field}' has a value of the wrong type or format." : WrongValue(options, bodyType, json.Path, field));
        }
        if (json.InnerException is JsonException)
            return Field("body", "The body is not valid JSON.");

        var required = RequiredProperties(context, endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType);
        return Field("body", required.Count == 0
            ? "The body is not valid JSON."
            : $"The body must be a JSON object with the required properties {string.Join(", ", required.Select(p => $"'{p}'"))}.");
    }

    /// <summary>
    /// What is wrong with the value at a JSON path of a body of type <paramref name="bodyType"/>, from the type the
    /// path leads to: an enum lists its allowed values, an instant asks for an offset.
    /// </summary>
    internal static string WrongValue(JsonSerializerOptions options, Type bodyType, string? path, string field)
    {
        ArgumentNullException.ThrowIfNull(options);
        var type = TypeAt(options, bodyType, path);
        if (type is { IsEnum: true })
            return $"'{field}' must be one of {AllowedValues(options, type)}.";
        if (type == typeof(DateTimeOffset))
            return $"'{field}' must be an ISO-8601 instant with an offset, e.g. 2026-11-24T08:00:00Z.";
        return $"'{field}' has a value of the wrong type or format.";
    }

    /// <summary>The enum's values as the JSON options spell them: "incident, serviceRequest, ..." or "P1, P2, ...".</summary>
    private static string AllowedValues(JsonSerializerOptions options, Type enumType) =>
        string.Join(", ", Enum.GetValues(enumType).Cast<object>().Select(v => $"'{JsonSerializer.Serialize(v, enumType, options).Trim('"')}'"));

    /// <summary>The (element, non-nullable) type a path like <c>$.contact.kind</c> or <c>$.items[2].risk</c> leads to; null when unknown.</summary>
    private static Type? TypeAt(JsonSerializerOptions options, Type root, string? path)
    {
        var type = root;
        foreach (var segment in (path ?? "$").TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            if (name.Length > 0)
            {
                var property = options.GetTypeInfo(Element(type)).Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                if (property is null)
                    return null;
                type = property.PropertyType;
            }

            if (segment.Contains('[', StringComparison.Ordinal))
                type = Element(type);
        }

        return Nullable.GetUnderlyingType(Element(type)) ?? Element(type);
    }

    /// <summary>The element type of an array or list; the type itself otherwise (strings are not lists here).</summary>
    private static Type Element(Type type)
    {
        if (type.IsArray)
            return type.GetElementType()!;
        if (type != typeof(string) && type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable)
            return enumerable.GetGenericArguments()[0];
        return type;
    }

    private static List<string> RequiredProperties(HttpContext context, Type? bodyType)
    {
        var options = context.RequestServices?.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions;
        if (bodyType is null || options is null)
            return [];
        return options.GetTypeInfo(bodyType).Properties.Where(p => p.IsRequired).Select(p => p.Name).ToList();
    }

    /// <summary>Where the framework reads the parameter from, under the name the client uses.</summary>
    private static (string Name, IReadOnlyList<string?> Values) ValuesOf(HttpContext context, RouteValueDictionary? routeValues, IParameterBindingMetadata parameter)
    {
        var attributes = parameter.ParameterInfo.GetCustomAttributes().ToList();
        if (attributes.OfType<IFromHeaderMetadata>().FirstOrDefault() is { } header)
        {
            var name = header.Name ?? parameter.Name;
            return (name, context.Request.Headers[name].ToArray());
        }

        if (attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } query)
        {
            var name = query.Name ?? parameter.Name;
            return (name, context.Request.Query[name].ToArray());
        }

        var routeName = attributes.OfType<IFromRouteMetadata>().FirstOrDefault()?.Name ?? parameter.Name;
        if (routeValues is not null && routeValues.TryGetValue(routeName, out var routeValue))
            return (routeName, [Convert.ToString(routeValue, CultureInfo.InvariantCulture)]);
        return (parameter.Name, context.Request.Query[parameter.Name].ToArray());
    }

    private static bool IsNullable(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    /// <summary>The type one value parses to: <c>int?</c> -> <c>int</c>, <c>Guid[]</c> -> <c>Guid</c>.</summary>
    private static Type ValueType(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        return Nullable.GetUnderlyingType(element) ?? element;
    }

    /// <summary>Parses as the framework does: enums by name, else the type's TryParse (invariant culture where it takes a provider).</summary>
    private static bool Parses(Type type, string value)
    {
        if (type == typeof(string) || type == typeof(object))
            return true;
        if (type.IsEnum)
            return Enum.TryParse(type, value, ignoreCase: true, out _);

        var withProvider = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (withProvider is not null)
            return (bool)withProvider.Invoke(null, [value, CultureInfo.InvariantCulture, null])!;
        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
        if (plain is not null)
            return (bool)plain.Invoke(null, [value, null])!;

        // A type bound some other way: it is not the one that failed.
        return true;
    }

    private static Dictionary<string, string[]> Field(string name, string message) => new() { [name] = [message] };
}
