using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace ServiceDesk.Api.Common;

/// <summary>
/// Refuses, before any endpoint binds it, input that cannot be read right, and says what is wrong and where:
/// <list type="bullet">
/// <item>a body in a charset other than UTF-8 (or an empty or unknown one): 415;</item>
/// <item>a JSON body that is not valid UTF-8, not valid JSON (line and position), gives a property twice, holds a lone
/// surrogate escape or a NUL character: 400 naming the place;</item>
/// <item>a NUL character in the path or a query parameter (no database column can hold it, PostgreSQL refuses it
/// outright), and a query instant without an offset: 400 naming the parameter.</item>
/// </list>
/// Runs after authorization, so only callers allowed on the route get their bodies read.
/// </summary>
internal sealed partial class RequestGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (FindInUrl(context) is { } urlError)
        {
            await WriteAsync(context, Invalid(context, urlError.Field, urlError.Message));
            return;
        }

        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true && !string.IsNullOrEmpty(context.Request.ContentType))
        {
            if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var media) || !IsUtf8(media))
            {
                await WriteAsync(context, UnsupportedMediaType(context));
                return;
            }

            if (IsJson(media.MediaType.Value))
            {
                var body = await ReadAllAsync(context.Request, context.RequestAborted);
                if (JsonBodyCheck.Find(body) is { } bodyError)
                {
                    await WriteAsync(context, Invalid(context, bodyError.Field, bodyError.Message));
                    return;
                }

                context.Request.Body = new MemoryStream(body, writable: false);
            }
        }

        await next(context);
    }

    /// <summary>The one 415 problem: from here, from body binding and from merge patches.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails UnsupportedMediaType(HttpContext context) =>
        ProblemResults.Create(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
            "Send the body as JSON in UTF-8: Content-Type application/json (application/merge-patch+json for PATCH), with no charset or charset=utf-8.");

    /// <summary>An instant as the contract writes it: a date, a time and an offset (<c>Z</c> or <c>+08:00</c>).</summary>
    public static bool IsInstantWithOffset(string text) =>
        InstantWithOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InstantWithOffset();

    private static bool IsUtf8(MediaTypeHeaderValue media)
    {
        var charset = media.Parameters.FirstOrDefault(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase));
        if (charset is null)
            return true;
        var value = HeaderUtilities.RemoveQuotes(charset.Value).ToString();
        return value.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || value.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private const int SmallBody = 64 * 1024;

    private static async Task<byte[]> ReadAllAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // A small declared length (every ordinary body) is read straight into an array of that size; a large one (which
        // Kestrel's body-size limit may yet refuse: no array is allocated on the client's word) or a chunked body of
        // unknown length goes through a growing buffer.
        if (request.ContentLength is { } length and <= SmallBody)
        {
            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, cancellationToken);
            return body;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static (string Field, string Message)? FindInUrl(HttpContext context)
    {
        if (context.Request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true)
            return ("path", "The path must not contain NUL characters.");

        // Most requests (reads by number, intake, a list's first page) have no query string: nothing more to check.
        if (!context.Request.QueryString.HasValue)
            return null;

        foreach (var (name, values) in context.Request.Query)
        {
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
                return (name, $"'{name}' must not contain NUL characters.");
        }

        // Query instants: the framework would read "2026-01-01T00:00" in the server's zone; the contract wants an offset.
        foreach (var name in context.GetEndpoint() is { } endpoint ? InstantParameters(endpoint) : [])
        {
            foreach (var value in context.Request.Query[name])
            {
                if (!string.IsNullOrEmpty(value) && !IsInstantWithOffset(value))
                    return (name, $"'{name}' must be an ISO-8601 instant with an offset, e.g. 2026-11-24T08:00:00Z.");
            }
        }

        return null;
    }

    /// <summary>The query names of an endpoint's DateTimeOffset parameters, found by reflection once per endpoint.</summary>
    private static string[] InstantParameters(Endpoint endpoint) =>
        InstantParametersByEndpoint.GetValue(endpoint, static e =>
        [
            .. e.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
                .Where(p => (Nullable.GetUnderlyingType(p.ParameterInfo.ParameterType) ?? p.ParameterInfo.ParameterType) == typeof(DateTimeOffset))
                .Select(p => p.ParameterInfo.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? p.Name),
        ]);

    private static readonly ConditionalWeakTable<Endpoint, string[]> InstantParametersByEndpoint = new();

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Invalid(HttpContext context, string field, string message) =>
        ProblemResults.Create(context, 400, "One or more fields are invalid", "See 'errors' for the problem with each field.", ProblemTypes.For("validation"),
            new Dictionary<string, string[]> { [field] = [message] });

    private static Task WriteAsync(HttpContext context, Microsoft.AspNetCore.Mvc.ProblemDetails problem) => ProblemResults.WriteAsync(context, problem);
}

/// <summary>Reads a JSON body once, token by token, for what the deserializer would choke on or a database refuse.</summary>
internal static class JsonBodyCheck
{
    public static (string Field, string Message)? Find(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length == 0)
            return null;

        var chars = new char[body.Length];
        if (Utf8.ToUtf16(body, chars, out var read, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            var (line, position) = Where(body, read);
            return ("body", $"The body is not valid UTF-8: an invalid byte sequence at line {line}, position {position}.");
        }

        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        NextValue(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        if (Text(ref reader) is not { } name)
                            return (Path(frames, "(property name)"), "A property name holds a lone surrogate (an unpaired \\uD800-\\uDFFF escape).");
                        frame.Property = name;
                        if (name.Contains('\0', StringComparison.Ordinal))
                            return (Path(frames), "A property name must not contain NUL characters.");
                        if (!frame.Names.Add(name))
                            return (Path(frames), $"'{Path(frames)}' is given more than once.");
                        break;
                    case JsonTokenType.String:
                        NextValue(frames);
                        if (Text(ref reader) is not { } text)
                            return (Path(frames), $"'{Path(frames)}' holds a lone surrogate (an unpaired \\uD800-\\uDFFF escape).");
                        if (text.Contains('\0', StringComparison.Ordinal))
                            return (Path(frames), $"'{Path(frames)}' must not contain NUL characters.");
                        break;
                    default:
                        NextValue(frames);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            return ("body", $"The body is not valid JSON: the error is at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}.");
        }

        return null;
    }

    /// <summary>The string token unescaped; null when it holds a lone surrogate (it cannot become text).</summary>
    private static string? Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static void NextValue(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
            frames[^1].Index++;
    }

    /// <summary>"contact.email", "items[2].code"; "body" at the root.</summary>
    private static string Path(List<Frame> frames, string? last = null)
    {
        var path = new StringBuilder();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (frame.IsArray)
                path.Append(CultureInfo.InvariantCulture, $"[{frame.Index}]");
            else if ((i == frames.Count - 1 ? last ?? frame.Property : frame.Property) is { } property)
                path.Append(path.Length == 0 ? string.Empty : ".").Append(property);
        }

        return path.Length == 0 ? "body" : path.ToString();
    }

    /// <summary>1-based line and byte position of <paramref name="offset"/>.</summary>
    private static (int Line, int Position) Where(byte[] body, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (body[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Property { get; set; }

        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
