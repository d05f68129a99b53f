using System.Data.Common;

namespace ServiceDesk.Api.Tests.Infrastructure;

/// <summary>What PostgreSQL has prepared on one connection, with how often it used a generic plan and a custom one.</summary>
public static class PreparedStatements
{
    public static async Task<List<(string Sql, long GenericPlans, long CustomPlans)>> OnAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements";
        await using var reader = await command.ExecuteReaderAsync();
        var statements = new List<(string, long, long)>();
        while (await reader.ReadAsync())
            statements.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        return statements;
    }
}
