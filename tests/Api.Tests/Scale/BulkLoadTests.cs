using System.Net.Http.Json;
using Npgsql;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.BulkLoad;

namespace ServiceDesk.Api.Tests.Scale;

/// <summary>
/// The bulk loader (tests/BulkLoad, a tool run by hand at a million tickets) run small on the test PostgreSQL, and
/// its data read back through the API: what it writes must be what the app would have written.
/// </summary>
public sealed class BulkLoadTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private const int Tickets = 2_000;
    private const int Ratings = 200;

    [PostgresFact]
    public async Task Loaded_tickets_are_read_paged_and_worked_through_the_API()
    {
        // The host starts (and migrates) first, as the app would already run on the database it is loaded into.
        using var admin = factory.CreateClient(ServiceDeskApiFactory.AdminKey);
        var until = factory.Clock.GetUtcNow();
        var report = await BulkLoader.RunAsync(Options(factory.Database.ConnectionString, until), TextWriter.Null, CancellationToken.None);
        Assert.Equal(Tickets, report.Tickets);

        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(Tickets, await ScalarAsync<long>(connection, """SELECT count(*) FROM "Tickets" """));
        // Every history line written, and each ticket's count of them matches its lines 1..n.
        Assert.Equal(report.HistoryLines, await ScalarAsync<long>(connection, """SELECT count(*) FROM "TicketHistory" """));
        Assert.Equal(report.HistoryLines, await ScalarAsync<long>(connection, """SELECT sum("HistoryCount")::bigint FROM "Tickets" """));
        Assert.Equal(0L, await ScalarAsync<long>(connection,
            """SELECT count(*) FROM "Tickets" t WHERE (SELECT max(h."Sequence") FROM "TicketHistory" h WHERE h."TicketId" = t."Id") <> t."HistoryCount" """));
        // The ratings asked for, give or take the few whose tickets were still open at the end.
        var rated = await ScalarAsync<long>(connection, """SELECT count(*) FROM "Tickets" WHERE "SatisfactionOverall" IS NOT NULL""");
        Assert.Equal(report.Ratings, rated);
        Assert.InRange(rated, Ratings - 10, Ratings);
        // Only resolved or closed tickets are rated, and only after they were resolved.
        Assert.Equal(0L, await ScalarAsync<long>(connection,
            """SELECT count(*) FROM "Tickets" WHERE "SatisfactionOverall" IS NOT NULL AND ("Status" NOT IN ('Resolved', 'Closed') OR "SatisfactionRatedAt" < "ResolvedAt")"""));
        // The SLA monitor has looked at everything that came due before the load's end (it gets there within 20 s).
        Assert.Equal(0L, await ScalarAsync<long>(connection,
            """SELECT count(*) FROM "Tickets" WHERE "NextCheckAt" < @until""", ("until", until.AddMinutes(-1))));
        // Nothing happened after the load's "now".
        Assert.Equal(0L, await ScalarAsync<long>(connection, """SELECT count(*) FROM "TicketHistory" WHERE "At" >= @until""", ("until", until)));
        // A spread of statuses, priorities and levels, as a desk's history has.
        var statuses = await ListAsync(connection, """SELECT DISTINCT "Status" FROM "Tickets" """);
        Assert.Contains("Closed", statuses);
        Assert.Contains("Cancelled", statuses);
        Assert.Equal(["P1", "P2", "P3", "P4"], (await ListAsync(connection, """SELECT DISTINCT "Priority" FROM "Tickets" """)).Order(StringComparer.Ordinal));
        Assert.Equal(["BRONZE", "GOLD", "PLATINUM", "SILVER"], (await ListAsync(connection, """SELECT DISTINCT "ServiceLevelCode" FROM "Tickets" """)).Order(StringComparer.Ordinal));

        // A closed incident whose resolution was met reads back with its clocks.
        var closed = (await ListAsync(connection,
            """SELECT "Number" FROM "Tickets" WHERE "Kind" = 'Incident' AND "Status" = 'Closed' AND "ResolutionState" = 'Met' ORDER BY "Number" LIMIT 1"""))[0];
        var incident = await (await admin.GetAsync($"/api/v1/incidents/{closed}")).ReadJsonAsync();
        Assert.Equal(closed, incident.GetProperty("number").GetString());
        Assert.Equal("Closed", incident.GetProperty("status").GetString());
        var sla = await (await admin.GetAsync($"/api/v1/incidents/{closed}/sla")).ReadJsonAsync();
        var resolution = sla.GetProperty("resolution");
        Assert.Equal("Met", resolution.GetProperty("state").GetString());
        Assert.InRange(resolution.GetProperty("elapsedMinutes").GetInt64(), 0, resolution.GetProperty("targetMinutes").GetInt32());
        var history = await (await admin.GetAsync($"/api/v1/incidents/{closed}/history?limit=200")).ReadJsonAsync();
        Assert.Equal("created", history.GetProperty("items")[0].GetProperty("action").GetString());

        // A rated ticket shows its rating with a score on the 0..100 scale.
        var ratedNumber = (await ListAsync(connection,
            """SELECT "Number" FROM "Tickets" WHERE "Kind" = 'ServiceRequest' AND "SatisfactionOverall" IS NOT NULL ORDER BY "Number" LIMIT 1"""))[0];
        var request = await (await admin.GetAsync($"/api/v1/service-requests/{ratedNumber}")).ReadJsonAsync();
        Assert.InRange(request.GetProperty("satisfaction").GetProperty("score").GetDouble(), 0, 100);

        // The incident list pages through every loaded incident, newest first, each once.
        var incidents = await ScalarAsync<long>(connection, """SELECT count(*) FROM "Tickets" WHERE "Kind" = 'Incident'""");
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync("/api/v1/incidents?limit=200" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)))).ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && seen.Count <= incidents);
        Assert.Equal(incidents, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());

        // The app's next ticket number follows the loaded ones: the loader took its numbers from the app's sequence.
        var lastIncident = (await ListAsync(connection, """SELECT max("Number") FROM "Tickets" WHERE "Kind" = 'Incident'"""))[0];
        var (customerId, productCode) = await FirstIncidentProductAsync(connection);
        using var agent = factory.CreateClient(await NewAgentKeyAsync(admin));
        var raised = await (await agent.PostAsJsonAsync("/api/v1/service-desk/tickets", new
        {
            type = "incident", customerId, productCode, summary = "After the bulk load", description = "Raised through the API.",
            impact = "Low", urgency = "Low", channel = "phone", contact = new { name = "Li Wei" },
        })).ReadJsonAsync(System.Net.HttpStatusCode.Created);
        Assert.True(string.CompareOrdinal(raised.GetProperty("number").GetString(), lastIncident) > 0);
    }

    [PostgresFact]
    public async Task The_same_seed_loads_the_same_data()
    {
        var until = ServiceDeskApiFactory.StartOfTests;
        var fingerprints = new List<string>();
        foreach (var _ in new[] { 1, 2 })
        {
            await using var database = TestDatabase.Create();
            await BulkLoader.RunAsync(Options(database.ConnectionString, until) with { Tickets = 300, Ratings = 30, Customers = 10 }, TextWriter.Null, CancellationToken.None);
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            fingerprints.Add((await ListAsync(connection,
                """SELECT md5(string_agg(t::text, '|' ORDER BY "Number")) FROM "Tickets" t"""))[0]);
            fingerprints.Add((await ListAsync(connection,
                """SELECT md5(string_agg(h::text, '|' ORDER BY "TicketId", "Sequence")) FROM "TicketHistory" h"""))[0]);
            NpgsqlConnection.ClearPool(connection);
        }

        Assert.Equal(fingerprints[0], fingerprints[2]);
        Assert.Equal(fingerprints[1], fingerprints[3]);
    }

    private static BulkLoadOptions Options(string connectionString, DateTimeOffset until) =>
        new(connectionString, Tickets, Ratings, Customers: 20, Seed: 7, Until: until, Days: 60, ChunkSize: 500);

    private static async Task<string> NewAgentKeyAsync(HttpClient admin)
    {
        var key = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "bulk-agent", roles = new[] { "Agent" } }))
            .ReadJsonAsync(System.Net.HttpStatusCode.Created);
        return key.GetProperty("key").GetString()!;
    }

    private static async Task<(Guid CustomerId, string ProductCode)> FirstIncidentProductAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """SELECT "CustomerId", "ProductCode" FROM "Tickets" WHERE "Kind" = 'Incident' AND "ProductCode" IS NOT NULL ORDER BY "Number" LIMIT 1""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetGuid(0), reader.GetString(1));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return values;
    }
}
