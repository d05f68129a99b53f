using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace ServiceDesk.BulkLoad;

/// <summary>
/// Writes entities into their table with PostgreSQL binary COPY, the columns and values taken from the app's EF Core
/// model: the table and column names, owned types (a ticket's clocks and rating) and complex types (its contact)
/// flattened into the owner's row, value conversions (enums as strings) and store types. A column added to the model
/// is written without touching this code; a column the model cannot give a value for (a shadow property with no
/// CLR counterpart) stops the load at start, naming it.
/// </summary>
internal sealed class CopyTable<TEntity>
    where TEntity : class
{
    private readonly Column[] _columns;

    private CopyTable(string table, Column[] columns)
    {
        Table = table;
        _columns = columns;
        CopyCommand = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
    }

    public string Table { get; }

    public string CopyCommand { get; }

    public IReadOnlyList<string> ColumnNames => [.. _columns.Select(c => c.Name)];

    public static CopyTable<TEntity> For(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entityType = model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var tableName = entityType.GetTableName()!;
        var table = model.GetRelationalModel().FindTable(tableName, entityType.GetSchema())!;
        var columns = table.Columns.Select(column => ColumnFor(column, entityType)).ToArray();
        return new CopyTable<TEntity>(tableName, columns);
    }

    public async Task<long> WriteAsync(NpgsqlConnection connection, IEnumerable<TEntity> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        await using var importer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        foreach (var row in rows)
        {
            // Synchronous writes: they only fill Npgsql's buffer (flushed as it fills); a Task per value costs more than the copy.
            importer.StartRow();
            foreach (var column in _columns)
            {
                var value = column.Value(row);
                if (value is null)
                    importer.WriteNull();
                else
                    importer.Write(value, column.DataTypeName);
            }
        }

        return (long)await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>The value of one column for a row of <typeparamref name="TEntity"/>, as the provider stores it.</summary>
    private static Column ColumnFor(IColumn column, IEntityType root)
    {
        // A column shared by the owner and its owned types (the key) is read from the owner; shadow keys have no CLR value.
        var mapping = column.PropertyMappings
            .Where(m => !m.Property.IsShadowProperty())
            .OrderBy(m => Depth(m.Property.DeclaringType))
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"Column {column.Table.Name}.{column.Name} has no CLR property to read a value from; teach the bulk loader about it.");
        var property = mapping.Property;
        var converter = property.GetTypeMapping().Converter;
        var read = Reader(property, root);
        Func<object, object?> value = converter is null ? read : row => converter.ConvertToProvider(read(row));
        return new Column(column.Name, DataTypeName(column.StoreType), value);
    }

    private static Func<object, object?> Reader(IProperty property, IEntityType root)
    {
        var getter = property.GetGetter();
        if (property.DeclaringType is IComplexType || property.DeclaringType == root)
            return getter.GetClrValueUsingContainingEntity;
        var owned = (IEntityType)property.DeclaringType;
        var dependent = OwnedInstance(owned, root);
        return row => dependent(row) is { } instance ? getter.GetClrValueUsingContainingEntity(instance) : null;
    }

    /// <summary>The owned object (a clock, the rating) reached from the root entity through its ownership navigations.</summary>
    private static Func<object, object?> OwnedInstance(IEntityType owned, IEntityType root)
    {
        var ownership = owned.FindOwnership()
            ?? throw new InvalidOperationException($"{owned.DisplayName()} shares the table of {root.DisplayName()} but is not owned by it.");
        var navigation = ownership.PrincipalToDependent!.GetGetter();
        if (ownership.PrincipalEntityType == root)
            return navigation.GetClrValueUsingContainingEntity;
        var principal = OwnedInstance(ownership.PrincipalEntityType, root);
        return row => principal(row) is { } instance ? navigation.GetClrValueUsingContainingEntity(instance) : null;
    }

    private static int Depth(ITypeBase type) => type switch
    {
        IEntityType entity when entity.FindOwnership() is { } ownership => 1 + Depth(ownership.PrincipalEntityType),
        IComplexType complex => 1 + Depth(complex.ComplexProperty.DeclaringType),
        _ => 0,
    };

    /// <summary>"character varying(16)" -> "character varying": the facets are the column's business, not COPY's.</summary>
    private static string DataTypeName(string storeType)
    {
        var parenthesis = storeType.IndexOf('(', StringComparison.Ordinal);
        return parenthesis < 0 ? storeType : storeType[..parenthesis].TrimEnd();
    }

    private sealed record Column(string Name, string DataTypeName, Func<object, object?> Value);
}
