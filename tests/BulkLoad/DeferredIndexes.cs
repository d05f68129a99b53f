using Npgsql;

namespace ServiceDesk.BulkLoad;

/// <summary>
/// The usual bulk-load order: the tables' secondary indexes and foreign keys are taken off before the COPY and put
/// back, exactly as the migrations made them (their definitions are read from the catalog first), after it. Putting
/// them back checks every row: a duplicate number or a history line without its ticket fails the load there.
/// Primary keys stay on throughout.
/// </summary>
internal sealed class DeferredIndexes
{
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys = [];
    private readonly List<(string Name, string Definition)> _indexes = [];

    public int Count => _indexes.Count + _foreignKeys.Count;

    public static async Task<DeferredIndexes> DropAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        var deferred = new DeferredIndexes();
        await using (var read = new NpgsqlCommand(
            """
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'f' AND (c.conrelid::regclass::text = ANY(@tables) OR c.confrelid::regclass::text = ANY(@tables))
            """, connection))
        {
            read.Parameters.AddWithValue("tables", tables.Select(Quote).ToArray());
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                deferred._foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        await using (var read = new NpgsqlCommand(
            """
            SELECT i.indexname, i.indexdef
            FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))
            """, connection))
        {
            read.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                deferred._indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        foreach (var (table, name, _) in deferred._foreignKeys)
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {Quote(name)}", cancellationToken);
        foreach (var (name, _) in deferred._indexes)
            await ExecuteAsync(connection, $"DROP INDEX {Quote(name)}", cancellationToken);
        return deferred;
    }

    public async Task RestoreAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "SET maintenance_work_mem = '256MB'", cancellationToken);
        foreach (var (_, definition) in _indexes)
            await ExecuteAsync(connection, definition, cancellationToken);
        foreach (var (table, name, definition) in _foreignKeys)
            await ExecuteAsync(connection, $"ALTER TABLE {table} ADD CONSTRAINT {Quote(name)} {definition}", cancellationToken);
        await ExecuteAsync(connection, "RESET maintenance_work_mem", cancellationToken);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
