using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>
/// Small value lists that belong to one row (a product's delivery modes, a level's targets) are stored in a
/// column of their own, as JSON, on every provider alike: they are read and written with their owner, never queried.
/// </summary>
internal static class ValueConversions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<IReadOnlyList<T>> HasJsonConversion<T>(this PropertyBuilder<IReadOnlyList<T>> property, int maxLength = 4000)
    {
        var comparer = new ValueComparer<IReadOnlyList<T>>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(StringComparison.Ordinal),
            v => Deserialize<T>(Serialize(v)));

        property
            .HasConversion(v => Serialize(v), v => Deserialize<T>(v), comparer)
            .HasMaxLength(maxLength)
            .IsRequired();
        return property;
    }

    private static string Serialize<T>(IReadOnlyList<T>? value) => JsonSerializer.Serialize(value ?? [], Json);

    private static List<T> Deserialize<T>(string value) => JsonSerializer.Deserialize<List<T>>(value, Json) ?? [];
}
