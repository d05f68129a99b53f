using Npgsql;

// The smallest honest service doing what intake and a ticket read do at their core: insert one row, select one row.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connectionString = builder.Configuration["ConnectionString"]
    ?? throw new InvalidOperationException("Set ConnectionString to a PostgreSQL connection string.");
await using var dataSource = NpgsqlDataSource.Create(connectionString);

await using (var create = dataSource.CreateCommand(
    "CREATE TABLE IF NOT EXISTS baseline_rows (id uuid PRIMARY KEY, summary text NOT NULL, created_at timestamptz NOT NULL)"))
{
    await create.ExecuteNonQueryAsync();
}

var app = builder.Build();

app.MapPost("/rows", async (RowBody body) =>
{
    var id = Guid.CreateVersion7();
    await using var insert = dataSource.CreateCommand("INSERT INTO baseline_rows (id, summary, created_at) VALUES ($1, $2, now())");
    insert.Parameters.AddWithValue(id);
    insert.Parameters.AddWithValue(body.Summary ?? string.Empty);
    await insert.ExecuteNonQueryAsync();
    return Results.Created($"/rows/{id}", new Row(id, body.Summary ?? string.Empty));
});

app.MapGet("/rows/{id:guid}", async (Guid id) =>
{
    await using var select = dataSource.CreateCommand("SELECT id, summary FROM baseline_rows WHERE id = $1");
    select.Parameters.AddWithValue(id);
    await using var reader = await select.ExecuteReaderAsync();
    return await reader.ReadAsync() ? Results.Ok(new Row(reader.GetGuid(0), reader.GetString(1))) : Results.NotFound();
});

await app.RunAsync();

internal sealed record RowBody(string? Summary);

internal sealed record Row(Guid Id, string Summary);
