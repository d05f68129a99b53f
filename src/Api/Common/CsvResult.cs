using System.Globalization;
using System.Reflection;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace ServiceDesk.Api.Common;

/// <summary>
/// Rows as <c>text/csv</c> (RFC 4180, written by CsvHelper): one header row with the JSON field names (camelCase),
/// values as the JSON shows them (enums by name, instants in UTC ISO-8601, empty for null), UTF-8 with a byte-order
/// mark so spreadsheets read Chinese names right. Built by <see cref="Csv.Negotiate{T, TRow}"/>.
/// </summary>
public sealed class CsvResult : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly string[] _header;
    private readonly IEnumerable<string?[]> _records;

    internal CsvResult(string[] header, IEnumerable<string?[]> records, string? nextCursor)
    {
        _header = header;
        _records = records;
        NextCursor = nextCursor;
    }

    /// <summary>For a page of a list: the cursor of the next page, sent as <c>X-Next-Cursor</c>.</summary>
    public string? NextCursor { get; }

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = $"{Csv.MediaType}; charset=utf-8";
        if (NextCursor is not null)
            httpContext.Response.Headers[Csv.NextCursorHeader] = NextCursor;

        await using var csv = CsvWriter.Create(httpContext.Response.Body, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        csv.WriteHeader(_header);
        foreach (var record in _records)
            await csv.WriteRecordAsync(record, httpContext.RequestAborted);
        await csv.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>Marks the route as answering CSV too; the OpenAPI document adds <c>text/csv</c> beside the JSON of its 200.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(CsvResponseMetadata.Instance);
    }
}

/// <summary>Endpoint metadata: the 200 of this route is also available as <c>text/csv</c> (read by the Swagger setup).</summary>
public sealed class CsvResponseMetadata
{
    public static CsvResponseMetadata Instance { get; } = new();

    private CsvResponseMetadata()
    {
    }
}

/// <summary>JSON or CSV, as the client's <c>Accept</c> header asks.</summary>
public static class Csv
{
    public const string MediaType = "text/csv";

    public const string NextCursorHeader = "X-Next-Cursor";

    /// <summary>True when the client accepts <c>text/csv</c> and does not prefer JSON by a higher quality.</summary>
    public static bool Wanted(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accept = request.GetTypedHeaders().Accept;
        var csv = accept.FirstOrDefault(a => a.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase));
        if (csv is null || csv.Quality is <= 0)
            return false;
        var json = accept.FirstOrDefault(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        return json is null || (csv.Quality ?? 1) >= (json.Quality ?? 1);
    }

    /// <summary>The body as JSON, or its <paramref name="rows"/> as CSV when the client asks for it.</summary>
    public static Results<Ok<T>, CsvResult> Negotiate<T, TRow>(HttpRequest request, T body, Func<T, IReadOnlyList<TRow>> rows, Func<T, string?>? nextCursor = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!Wanted(request))
            return TypedResults.Ok(body);
        return new CsvResult(Columns<TRow>.Header, rows(body).Select(Columns<TRow>.Fields), nextCursor?.Invoke(body));
    }

    /// <summary>A value as the JSON shows it: enums by name, instants in UTC ISO-8601, numbers invariant, null empty.</summary>
    private static string? Field(object? value) => value switch
    {
        null => null,
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The row type's public properties in declaration order (a positional record's parameters): the columns.</summary>
    private static class Columns<TRow>
    {
        private static readonly PropertyInfo[] Properties = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance);

        public static readonly string[] Header = [.. Properties.Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])];

        public static string?[] Fields(TRow row) => [.. Properties.Select(p => Field(p.GetValue(row)))];
    }
}
