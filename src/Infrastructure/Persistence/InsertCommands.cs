using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>
/// INSERT statements for brand-new rows, built once per model and row type from the EF Core model (table, columns,
/// and each column's type mapping, so values are converted and typed exactly as EF Core writes them), for the hot
/// path that inserts a new aggregate without the change tracker (<see cref="ServiceDeskDbContext.InsertNewAsync"/>).
/// </summary>
/// <remarks>
/// Supported: one entity type per table, with its complex properties and the owned types that share its table (a
/// ticket's SLA clocks and rating). A type that needs more (rows in other tables, store-generated values, shadow
/// properties other than an owned type's key) is refused when its statement is built, never written half.
/// </remarks>
internal static class InsertCommands
{
    private static readonly ConcurrentDictionary<(IModel Model, Type Row), InsertStatement> Statements = new();

    public static InsertStatement For(DbContext context, Type rowType) =>
        Statements.GetOrAdd((context.Model, rowType), static (key, context) => InsertStatement.Build(context, key.Row), context);

    /// <summary>
    /// Inserts <paramref name="rows"/> in order: one batch (one round trip) where the provider has batches (PostgreSQL,
    /// SQL Server), else one command per row (SQLite, in process). Atomic only inside a transaction, except on PostgreSQL,
    /// where a batch runs in one implicit transaction.
    /// </summary>
    public static async Task ExecuteAsync(DbContext context, DbConnection connection, DbTransaction? transaction, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        // Type mappings make their parameters through a command; the parameters then go to the batch's commands.
        await using var parameters = connection.CreateCommand();
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in rows)
            {
                var statement = For(context, row.GetType());
                var command = batch.CreateBatchCommand();
                command.CommandText = statement.Sql;
                statement.AddParameters(parameters, command.Parameters, row);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        foreach (var row in rows)
        {
            var statement = For(context, row.GetType());
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement.Sql;
            statement.AddParameters(parameters, command.Parameters, row);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>
/// One table's INSERT, its text fixed once: PostgreSQL gets positional parameters (<c>$1</c>, unnamed), so Npgsql
/// sends it as written without parsing or rewriting it; other providers get the provider's named parameters.
/// </summary>
internal sealed record InsertStatement(string Sql, InsertColumn[] Columns, string[] ParameterNames)
{
    public static InsertStatement Build(DbContext context, Type rowType)
    {
        var entityType = context.Model.FindEntityType(rowType)
            ?? throw new NotSupportedException($"{rowType.Name} is not an entity type of the model.");
        if (entityType.IsOwned() || entityType.GetTableName() is not { } tableName)
            throw new NotSupportedException($"{rowType.Name} is not stored in a table of its own.");
        if (entityType.GetNavigations().Any(n => !n.TargetEntityType.IsOwned() || n.TargetEntityType.GetTableName() != tableName || n.IsCollection))
            throw new NotSupportedException($"{rowType.Name} has rows in other tables; insert those through SaveChanges.");

        var table = context.Model.GetRelationalModel().FindTable(tableName, entityType.GetSchema())!;
        var helper = context.GetService<ISqlGenerationHelper>();
        var positional = context.Database.IsNpgsql();
        var columns = table.Columns.Select(c => InsertColumn.For(c, entityType)).ToArray();
        var values = columns.Select((_, i) => positional ? "$" + (i + 1).ToString(CultureInfo.InvariantCulture) : helper.GenerateParameterNamePlaceholder(ParameterName(i)));
        var names = columns.Select((_, i) => positional ? string.Empty : helper.GenerateParameterName(ParameterName(i))).ToArray();
        var sql = $"INSERT INTO {helper.DelimitIdentifier(tableName, entityType.GetSchema())} ({string.Join(", ", columns.Select(c => helper.DelimitIdentifier(c.Name)))}) "
            + $"VALUES ({string.Join(", ", values)})";
        return new InsertStatement(sql, columns, names);
    }

    /// <summary>The row's values as parameters, each made by its column's type mapping (value converter, provider type, size).</summary>
    public void AddParameters(DbCommand factory, DbParameterCollection parameters, object row)
    {
        for (var i = 0; i < Columns.Length; i++)
        {
            var column = Columns[i];
            parameters.Add(column.TypeMapping.CreateParameter(factory, ParameterNames[i], column.Value(row), column.IsNullable));
        }
    }

    private static string ParameterName(int index) => "p" + index.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A column of an INSERT: its name, its type mapping (converter, provider type) and how to read its value from the root row.</summary>
internal sealed record InsertColumn(string Name, RelationalTypeMapping TypeMapping, bool IsNullable, Func<object, object?> Value)
{
    public static InsertColumn For(IColumn column, IEntityType root)
    {
        // Owned types sharing the table map their key (the owner's id) to the owner's key column: the owner's property writes it.
        var mappings = column.PropertyMappings.Where(m => !m.Property.IsShadowProperty() || !m.Property.IsKey()).ToList();
        var mapping = mappings.FirstOrDefault(m => ContainingEntity(m.Property) == root) ?? mappings.FirstOrDefault()
            ?? throw new NotSupportedException($"Column {column.Name} of {column.Table.Name} has no property of {root.ClrType.Name} to read.");
        var property = mapping.Property;
        // Values the database makes (identity, sequences, defaults, computed) would need the statement to read them back.
        // A Guid key EF Core would generate on the client is accepted, provided the row already has one.
        var clientGuid = property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(Guid)
            && column.DefaultValueSql is null && column.ComputedColumnSql is null;
        if (property.IsShadowProperty() || property.ValueGenerated != ValueGenerated.Never && !clientGuid)
            throw new NotSupportedException($"Column {column.Name} of {column.Table.Name} is not a plain value of {root.ClrType.Name}.");

        var instance = InstanceOf(ContainingEntity(property), root);
        var getter = property.GetGetter();
        return new InsertColumn(column.Name, mapping.TypeMapping, column.IsNullable, row =>
        {
            var value = instance(row) is { } owner ? getter.GetClrValueUsingContainingEntity(owner) : null;
            return clientGuid && value is Guid id && id == Guid.Empty
                ? throw new InvalidOperationException($"{root.ClrType.Name}.{property.Name} has no value; EF Core would have generated one.")
                : value;
        });
    }

    /// <summary>The entity type whose instance holds the property (through any complex properties).</summary>
    private static IEntityType ContainingEntity(IProperty property)
    {
        ITypeBase type = property.DeclaringType;
        while (type is IComplexType complex)
            type = complex.ComplexProperty.DeclaringType;
        return (IEntityType)type;
    }

    /// <summary>From the root row to the instance of <paramref name="type"/>: the row itself, or an owned navigation's value (null when not set).</summary>
    private static Func<object, object?> InstanceOf(IEntityType type, IEntityType root)
    {
        if (type == root)
            return row => row;
        var ownership = type.FindOwnership()
            ?? throw new NotSupportedException($"{type.DisplayName()} shares the table of {root.ClrType.Name} without being owned by it.");
        var owner = InstanceOf(ownership.PrincipalEntityType, root);
        var navigation = ownership.PrincipalToDependent!.GetGetter();
        return row => owner(row) is { } value ? navigation.GetClrValueUsingContainingEntity(value) : null;
    }
}
