using System.Buffers;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
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
    private static readonly ConcurrentDictionary<(IModel Model, Type Row), InsertTable> Tables = new();

    public static InsertTable For(DbContext context, Type rowType) =>
        Tables.GetOrAdd((context.Model, rowType), static (key, context) => InsertTable.Build(context, key.Row), context);

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
            var leases = new ParameterLease[rows.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = For(context, rows[r].GetType()).Bind(parameters, command.Parameters, rows[r], out leases[r]);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);

            // Only after a batch that ran to its end: a failed one may leave its parameters in any state, so they are dropped.
            foreach (DbBatchCommand command in batch.BatchCommands)
                command.Parameters.Clear();
            foreach (var lease in leases)
                lease.Return();
            return;
        }

        foreach (var row in rows)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = For(context, row.GetType()).Bind(parameters, command.Parameters, row);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>
/// One table's INSERTs. A row's NULL columns are left out of its statement (the database writes NULL there; a column
/// with a default is always bound), so a new ticket binds the ~55 values it has rather than all ~90 columns. There is
/// one statement per pattern of NULLs, its text fixed when the pattern is first seen: PostgreSQL gets positional
/// parameters (<c>$1</c>, unnamed), so Npgsql sends it as written without parsing or rewriting it (and prepares the
/// patterns a connection uses often, in the <c>Max Auto Prepare</c> slots every statement shares); other providers get
/// the provider's named parameters. A key column is never
/// nullable, so every statement names at least one column.
/// <para>
/// On PostgreSQL a statement keeps the parameters of its finished executions and binds the next row's values into them
/// (<see cref="InsertStatement"/>): made once through the type mappings, they keep what Npgsql resolved for them (the
/// PostgreSQL type, the converter), so an intake neither makes ~70 parameter objects nor has Npgsql look their types up
/// again. Other providers get new parameters every time: SQL Server's type mappings size a parameter by its value.
/// </para>
/// </summary>
internal sealed class InsertTable
{
    /// <summary>
    /// Patterns kept per table (a few more at most when first seen concurrently); a row with a pattern past these binds
    /// every column instead, so the statements the process keeps, and may ask PostgreSQL to prepare, stay bounded
    /// whatever the data.
    /// </summary>
    internal const int MaxPatterns = 32;

    /// <summary>Only the first 128 columns can be left out (the pattern is a 128-bit mask); later ones are always bound.</summary>
    private const int MaxOmittable = 128;

    private readonly string _table;
    private readonly ISqlGenerationHelper _sql;
    private readonly bool _positional;

    /// <summary>Whether statements keep their parameters between executions (PostgreSQL, every column's value converted as its type mapping would).</summary>
    private readonly bool _reusesParameters;

    private readonly ConcurrentDictionary<UInt128, InsertStatement> _statements = new();

    /// <summary>Set once <see cref="MaxPatterns"/> is reached, so that new patterns stop asking the dictionary's Count (it takes every lock).</summary>
    private volatile bool _full;

    private InsertTable(string table, InsertColumn[] columns, ISqlGenerationHelper sql, bool positional)
    {
        (_table, Columns, _sql, _positional) = (table, columns, sql, positional);
        _reusesParameters = positional && columns.All(c => c.ReusesParameter);
        EveryColumn = Statement(UInt128.Zero);
    }

    /// <summary>Every column of the table, in the table's order.</summary>
    public InsertColumn[] Columns { get; }

    /// <summary>The statement that binds every column (a row without NULLs, or one past <see cref="MaxPatterns"/>).</summary>
    public InsertStatement EveryColumn { get; }

    /// <summary>How many patterns of NULLs have a statement (for tests).</summary>
    internal int Patterns => _statements.Count;

    public static InsertTable Build(DbContext context, Type rowType)
    {
        var entityType = context.Model.FindEntityType(rowType)
            ?? throw new NotSupportedException($"{rowType.Name} is not an entity type of the model.");
        if (entityType.IsOwned() || entityType.GetTableName() is not { } tableName)
            throw new NotSupportedException($"{rowType.Name} is not stored in a table of its own.");
        if (entityType.GetNavigations().Any(n => !n.TargetEntityType.IsOwned() || n.TargetEntityType.GetTableName() != tableName || n.IsCollection))
            throw new NotSupportedException($"{rowType.Name} has rows in other tables; insert those through SaveChanges.");

        var table = context.Model.GetRelationalModel().FindTable(tableName, entityType.GetSchema())!;
        var helper = context.GetService<ISqlGenerationHelper>();
        var columns = table.Columns.Select(c => InsertColumn.For(c, entityType)).ToArray();
        return new InsertTable(helper.DelimitIdentifier(tableName, entityType.GetSchema()), columns, helper, context.Database.IsNpgsql());
    }

    /// <summary>
    /// The row's values as parameters, each made by its column's type mapping (value converter, provider type, size);
    /// returns the statement's text. Kept parameters it takes stay with the command.
    /// </summary>
    public string Bind(DbCommand factory, DbParameterCollection parameters, object row) => Bind(factory, parameters, row, out _);

    /// <summary>
    /// As <see cref="Bind(DbCommand, DbParameterCollection, object)"/>, into a statement's kept parameters where it has
    /// some: <paramref name="lease"/> gives them back once the command ran and its parameter collection was cleared.
    /// </summary>
    public string Bind(DbCommand factory, DbParameterCollection parameters, object row, out ParameterLease lease)
    {
        var values = ArrayPool<object?>.Shared.Rent(Columns.Length);
        try
        {
            var omitted = UInt128.Zero;
            for (var i = 0; i < Columns.Length; i++)
            {
                values[i] = Columns[i].Value(row);
                if (values[i] is null && Columns[i].MayLeaveOut && i < MaxOmittable)
                    omitted |= UInt128.One << i;
            }

            var statement = StatementFor(omitted);
            var kept = statement.RentParameters();
            if (kept is not null)
            {
                for (var p = 0; p < kept.Length; p++)
                {
                    var i = statement.Columns[p];
                    kept[p].Value = Columns[i].ProviderValue(values[i]);
                    parameters.Add(kept[p]);
                }
            }
            else
            {
                kept = statement.KeepsParameters ? new DbParameter[statement.Columns.Length] : null;
                for (var p = 0; p < statement.Columns.Length; p++)
                {
                    var i = statement.Columns[p];
                    var parameter = Columns[i].TypeMapping.CreateParameter(factory, statement.ParameterNames[p], values[i], Columns[i].IsNullable);
                    parameters.Add(parameter);
                    kept?[p] = parameter;
                }
            }

            lease = new ParameterLease(kept is null ? null : statement, kept);
            return statement.Sql;
        }
        finally
        {
            Array.Clear(values, 0, Columns.Length);
            ArrayPool<object?>.Shared.Return(values);
        }
    }

    /// <summary>The statement that leaves out the columns set in <paramref name="omitted"/>.</summary>
    internal InsertStatement StatementFor(UInt128 omitted)
    {
        if (omitted == UInt128.Zero)
            return EveryColumn;
        if (_statements.TryGetValue(omitted, out var statement))
            return statement;
        if (_full || (_full = _statements.Count >= MaxPatterns))
            return EveryColumn;
        return _statements.GetOrAdd(omitted, static (mask, table) => table.Statement(mask), this);
    }

    private InsertStatement Statement(UInt128 omitted)
    {
        var included = Enumerable.Range(0, Columns.Length).Where(i => i >= MaxOmittable || (omitted & (UInt128.One << i)) == UInt128.Zero).ToArray();
        var values = included.Select((_, p) => _positional ? "$" + (p + 1).ToString(CultureInfo.InvariantCulture) : _sql.GenerateParameterNamePlaceholder(ParameterName(p)));
        var names = included.Select((_, p) => _positional ? string.Empty : _sql.GenerateParameterName(ParameterName(p))).ToArray();
        var sql = $"INSERT INTO {_table} ({string.Join(", ", included.Select(i => _sql.DelimitIdentifier(Columns[i].Name)))}) "
            + $"VALUES ({string.Join(", ", values)})";
        return new InsertStatement(sql, included, names, _reusesParameters);
    }

    private static string ParameterName(int index) => "p" + index.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// One INSERT of a table: its text, the table's columns it binds (indexes into <see cref="InsertTable.Columns"/>) and
/// their parameters' names; and, where parameters are reused, the sets of its finished executions, a few at most.
/// </summary>
internal sealed class InsertStatement(string sql, int[] columns, string[] parameterNames, bool keepsParameters)
{
    /// <summary>
    /// Parameter sets a statement keeps: enough for the rows of every request of a group commit under way, while the
    /// memory stays bounded (a ticket's set is ~55 parameters) whatever the number of statements.
    /// </summary>
    internal const int MaxKeptSets = 16;

    private readonly ConcurrentQueue<DbParameter[]>? _kept = keepsParameters ? new() : null;
    private int _keptCount;

    public string Sql { get; } = sql;

    public int[] Columns { get; } = columns;

    public string[] ParameterNames { get; } = parameterNames;

    /// <summary>Whether the statement keeps its parameters between executions (PostgreSQL).</summary>
    public bool KeepsParameters => _kept is not null;

    /// <summary>How many parameter sets wait for the next execution (for tests).</summary>
    internal int KeptSets => Volatile.Read(ref _keptCount);

    /// <summary>A kept set of parameters, in the order of <see cref="Columns"/>, for one execution; null when there is none.</summary>
    public DbParameter[]? RentParameters()
    {
        if (_kept is null || !_kept.TryDequeue(out var parameters))
            return null;
        Interlocked.Decrement(ref _keptCount);
        return parameters;
    }

    /// <summary>Keeps a set whose command has run and no longer holds it; its values are dropped (they are a customer's data).</summary>
    public void ReturnParameters(DbParameter[] parameters)
    {
        if (_kept is null)
            return;
        foreach (var parameter in parameters)
            parameter.Value = null;
        if (Interlocked.Increment(ref _keptCount) <= MaxKeptSets)
            _kept.Enqueue(parameters);
        else
            Interlocked.Decrement(ref _keptCount);
    }
}

/// <summary>A statement's parameters lent to one execution (none when the provider gets new ones each time).</summary>
internal readonly struct ParameterLease(InsertStatement? statement, DbParameter[]? parameters)
{
    /// <summary>Gives the parameters back to their statement: only once their command has run and its collection was cleared.</summary>
    public void Return()
    {
        if (parameters is not null)
            statement!.ReturnParameters(parameters);
    }
}

/// <summary>
/// A column of an INSERT: its name, its type mapping (converter, provider type), how to read its value from the root
/// row, and whether a NULL may be left out of the statement (nullable, with nothing the database would write instead).
/// </summary>
/// <param name="Value">The column's value in a root row: a compiled read of the members EF Core reads (the owned
/// navigations, complex properties and the property, each through the field or property EF Core's access mode picks),
/// NULL where an owned part is not set.</param>
/// <param name="ValueThroughModel">The same value read through EF Core's own getters, one per hop: the reference
/// <see cref="Value"/> is tested against, and what it is when a member cannot be read directly.</param>
internal sealed record InsertColumn(string Name, RelationalTypeMapping TypeMapping, bool IsNullable, bool MayLeaveOut, Func<object, object?> Value,
    Func<object, object?> ValueThroughModel)
{
    /// <summary>
    /// Whether a kept parameter of this column can take a new value as <see cref="ProviderValue"/>: everything but an
    /// enum stored without a converter, which the type mapping normalises in ways of its own.
    /// </summary>
    public bool ReusesParameter => TypeMapping.Converter is not null || !(Nullable.GetUnderlyingType(TypeMapping.ClrType) ?? TypeMapping.ClrType).IsEnum;

    /// <summary>The value a parameter of this column holds, as the type mapping's <c>CreateParameter</c> sets it: converted, NULL as <see cref="DBNull"/>.</summary>
    public object ProviderValue(object? value) =>
        (value is not null && TypeMapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;

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
        Func<object, object?> throughModel = row => instance(row) is { } owner ? getter.GetClrValueUsingContainingEntity(owner) : null;
        var read = CompiledRead(property, root) ?? throughModel;
        var value = clientGuid
            ? row =>
            {
                var key = read(row);
                return key is Guid id && id == Guid.Empty
                    ? throw new InvalidOperationException($"{root.ClrType.Name}.{property.Name} has no value; EF Core would have generated one.")
                    : key;
            }
            : read;
        var mayLeaveOut = column.IsNullable && column.DefaultValue is null && column.DefaultValueSql is null && column.ComputedColumnSql is null;
        return new InsertColumn(column.Name, mapping.TypeMapping, column.IsNullable, mayLeaveOut, value, throughModel);
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

    /// <summary>
    /// One compiled delegate for the path from the root row to <paramref name="property"/> (its owned navigations, then its
    /// complex properties, then itself), NULL at the first reference hop that is null: about a fifth of the time of a
    /// getter per hop (a ticket's ~90 columns 1.2 µs through the model's getters). Null when a hop has no CLR member to read.
    /// </summary>
    private static Func<object, object?>? CompiledRead(IProperty property, IEntityType root)
    {
        var hops = new List<IPropertyBase> { property };
        for (ITypeBase type = property.DeclaringType; type is IComplexType complex; type = complex.ComplexProperty.DeclaringType)
            hops.Insert(0, complex.ComplexProperty);
        for (var type = ContainingEntity(property); type != root; type = type.FindOwnership()!.PrincipalEntityType)
            hops.Insert(0, type.FindOwnership()!.PrincipalToDependent!);

        var row = Expression.Parameter(typeof(object), "row");
        var done = Expression.Label(typeof(object), "done");
        var variables = new List<ParameterExpression>();
        var body = new List<Expression>();
        Expression current = Expression.Convert(row, root.ClrType);
        foreach (var hop in hops)
        {
            if (MemberOf(hop) is not { } member || member is System.Reflection.PropertyInfo { CanRead: false }
                || !member.DeclaringType!.IsAssignableFrom(current.Type))
                return null;
            var read = Expression.MakeMemberAccess(current, member);
            if (hop == property)
            {
                body.Add(Expression.Label(done, Expression.Convert(read, typeof(object))));
                break;
            }

            if (read.Type.IsValueType)
            {
                current = read;
                continue;
            }

            var instance = Expression.Variable(read.Type);
            variables.Add(instance);
            body.Add(Expression.Assign(instance, read));
            body.Add(Expression.IfThen(Expression.ReferenceEqual(instance, Expression.Constant(null)), Expression.Return(done, Expression.Constant(null))));
            current = instance;
        }

        return Expression.Lambda<Func<object, object?>>(Expression.Block(typeof(object), variables, body), row).Compile();
    }

    /// <summary>The field or property EF Core reads for <paramref name="member"/> outside materialization (its access mode, field first by default).</summary>
    private static System.Reflection.MemberInfo? MemberOf(IPropertyBase member) =>
        member.GetPropertyAccessMode() is PropertyAccessMode.Field or PropertyAccessMode.PreferField
            ? (System.Reflection.MemberInfo?)member.FieldInfo ?? member.PropertyInfo
            : (System.Reflection.MemberInfo?)member.PropertyInfo ?? member.FieldInfo;
}
