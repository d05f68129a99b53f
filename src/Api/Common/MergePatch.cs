using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServiceDesk.Application.Common.Exceptions;

namespace ServiceDesk.Api.Common;

/// <summary>
/// JSON merge patch (RFC 7396). A PATCH is applied to the resource's current writable fields and the result is
/// sent as a full update, so PATCH and PUT share one validation and one domain path.
/// </summary>
public sealed class MergePatch(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions)
{
    private JsonSerializerOptions Json => jsonOptions.Value.SerializerOptions;

    /// <summary>Reads the request body as a merge-patch document (a JSON object).</summary>
    public static async Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not ("application/json" or "application/merge-patch+json"))
            throw new BadHttpRequestException("Unsupported media type.", StatusCodes.Status415UnsupportedMediaType);
        // RequestGuard has refused invalid JSON, duplicate properties and lone surrogates before this runs.
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject
                ?? throw new RequestValidationException("body", "A merge patch must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new RequestValidationException("body", "The body is not valid JSON.");
        }
    }

    /// <summary>
    /// Applies <paramref name="patch"/> to the writable fields of <paramref name="current"/> and returns the result as
    /// <typeparamref name="TBody"/>. A patch naming a field that cannot be written is refused (400 naming it).
    /// </summary>
    public TBody Apply<TCurrent, TBody>(TCurrent current, JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var writable = Json.GetTypeInfo(typeof(TBody)).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var document = JsonSerializer.SerializeToNode(current, Json)!.AsObject();
        foreach (var key in document.Select(p => p.Key).Where(k => !writable.Contains(k)).ToList())
            document.Remove(key);

        foreach (var (key, value) in patch)
        {
            if (!writable.Contains(key))
                throw new RequestValidationException(key, $"'{key}' cannot be changed.");
            Merge(document, key, value);
        }

        try
        {
            return document.Deserialize<TBody>(Json) ?? throw new RequestValidationException("body", "The patch removed every field.");
        }
        catch (JsonException e)
        {
            var field = BindingFailures.JsonField(e.Path);
            throw new RequestValidationException(field, BindingFailures.WrongValue(Json, typeof(TBody), e.Path, field));
        }
    }

    private static void Merge(JsonObject target, string key, JsonNode? value)
    {
        if (value is null)
        {
            target[key] = null;
            return;
        }

        if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
        {
            foreach (var (childKey, childValue) in patchObject.ToList())
                Merge(targetObject, childKey, childValue?.DeepClone());
            return;
        }

        target[key] = value.DeepClone();
    }
}
