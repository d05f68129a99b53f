using System.Buffers.Text;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;

namespace ServiceDesk.Application.Common.Paging;

/// <summary>One page of a keyset-paged list; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Page size and position as a client sends them (<c>?limit=&amp;cursor=</c>).</summary>
public readonly record struct PageRequest(int? Limit, string? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public int Size => Limit ?? DefaultLimit;
}

/// <summary>
/// Opaque keyset cursors: the sort key of the last item returned, as base64url JSON. Clients must not build
/// them; a cursor that does not decode is a 400 on <c>cursor</c>.
/// </summary>
public static class Cursor
{
    /// <summary>
    /// A cursor must carry every part of the key: <c>{}</c> or a null part is not a cursor this service wrote. Instants
    /// come back in UTC whatever offset a hand-edited cursor gives them (PostgreSQL compares only UTC instants), and a
    /// text part holding a NUL character (which no stored value can hold) is not a cursor this service wrote.
    /// </summary>
    private static readonly JsonSerializerOptions Strict = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new UtcInstant(), new TextWithoutNul() },
    };

    public static string Encode<TKey>(TKey key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    public static TKey? Decode<TKey>(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
            return default;
        try
        {
            return JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor), Strict)
                ?? throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new RequestValidationException("cursor", "'cursor' is not a cursor this list returned.");
        }
    }

    /// <summary>
    /// Materialises at most <paramref name="size"/> items of an already filtered, keyset-ordered query
    /// (one extra row is read to know whether another page follows).
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T, TKey>(
        this IQueryable<T> orderedQuery,
        int size,
        Func<T, TKey> keyOf,
        CancellationToken cancellationToken) =>
        ToPage(await orderedQuery.TakeConstant(size + 1).ToListAsync(cancellationToken), size, keyOf);

    /// <summary>
    /// <c>Take(count)</c> with the count as a constant of the query's expression tree, where <c>Take(int)</c> would
    /// make it a SQL parameter. PostgreSQL prices a parameterised LIMIT at a tenth of the rows, so a prepared statement
    /// with one never moves to its cached generic plan and is planned anew on every call (0.1-0.3 ms a page); with
    /// <c>LIMIT 51</c> in the SQL it is planned five times and then reused. The cost is one compiled query (and one
    /// prepared statement) per page size in use, at most <see cref="PageRequest.MaxLimit"/> + 1 per list.
    /// </summary>
    public static IQueryable<T> TakeConstant<T>(this IQueryable<T> query, int count) =>
        // EF Core turns even a constant Take argument into a parameter, unless it is wrapped in EF.Constant.
        query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], query.Expression,
            Expression.Call(typeof(EF), nameof(EF.Constant), [typeof(int)], Expression.Constant(count))));

    /// <summary>A page from up to <paramref name="size"/> + 1 rows read in keyset order (the extra one says another page follows).</summary>
    public static Page<T> ToPage<T, TKey>(this List<T> rows, int size, Func<T, TKey> keyOf)
    {
        if (rows.Count <= size)
            return new Page<T>(rows, null);
        rows.RemoveAt(rows.Count - 1);
        return new Page<T>(rows, Encode(keyOf(rows[^1])));
    }

    private sealed class UtcInstant : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }

    private sealed class TextWithoutNul : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return text is not null && text.Contains('\0', StringComparison.Ordinal) ? throw new JsonException() : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }
}
