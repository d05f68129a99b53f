using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Infrastructure.Persistence;
using ServiceDesk.Infrastructure.Persistence.Outbox;
using ServiceDesk.Infrastructure.Persistence.Providers;

namespace ServiceDesk.Api.Tests.Persistence;

/// <summary>
/// Intake's hand-built INSERT (<see cref="ServiceDeskDbContext.InsertNewAsync"/>) writes the very rows EF Core's
/// <c>Add</c> + <c>SaveChangesAsync</c> writes, column by column, on the suite's database (SQLite, PostgreSQL), all
/// or nothing; a row's NULL columns are left out of its statement (never one with a default), one statement per pattern
/// of NULLs up to a bound; and each provider's statements name their columns with the model's type mappings.
/// </summary>
public sealed class InsertNewTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    [Fact]
    public async Task A_ticket_its_history_and_its_event_are_stored_exactly_as_SaveChanges_stores_them()
    {
        using var admin = factory.CreateAdminClient();
        var customerId = await new DeskDriver(factory).CustomerAsync("GOLD");
        var (viaEf, viaInsert) = (await NewTickets.OpenAsync(factory, customerId, NewTickets.UniqueNumber()), await NewTickets.OpenAsync(factory, customerId, NewTickets.UniqueNumber()));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            db.Tickets.Add(viaEf);
            await db.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            await db.InsertNewAsync(viaInsert);
            Assert.Empty(viaInsert.DomainEvents);
            Assert.Empty(((IAudited)viaInsert).NewRows);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            var ticketColumns = db.Model.GetRelationalModel().FindTable("Tickets", null)!.Columns.Count();
            var tickets = await RowsAsync(db, """SELECT * FROM "Tickets" WHERE "Number" IN ({0}, {1})""", viaEf.Number, viaInsert.Number);
            Assert.Equal(ticketColumns, tickets[viaEf.Number].Count);
            AssertSameRow(tickets[viaEf.Number], tickets[viaInsert.Number], "Id", "Number");

            var history = await RowsAsync(db, """SELECT h.*, t."Number" FROM "TicketHistory" h JOIN "Tickets" t ON t."Id" = h."TicketId" WHERE t."Number" IN ({0}, {1})""", viaEf.Number, viaInsert.Number);
            Assert.Equal(2, history.Count);
            AssertSameRow(history[viaEf.Number], history[viaInsert.Number], "TicketId", "Id", "Number");

            var events = await RowsAsync(db, """SELECT * FROM "OutboxMessages" WHERE "Number" IN ({0}, {1})""", viaEf.Number, viaInsert.Number);
            Assert.Equal(2, events.Count);
            Assert.Equal(((string)events[viaEf.Number]["Data"]!).Replace(viaEf.Number, "N", StringComparison.Ordinal),
                ((string)events[viaInsert.Number]["Data"]!).Replace(viaInsert.Number, "N", StringComparison.Ordinal));
            AssertSameRow(events[viaEf.Number], events[viaInsert.Number], "Id", "Number", "Data", "Position");

            // And EF Core reads it back whole: every owned part and complex property.
            var read = await db.Tickets.AsNoTracking().SingleAsync(t => t.Number == viaInsert.Number);
            Assert.Equal(viaInsert.Id, read.Id);
            Assert.Equal(viaInsert.Response.DueAt, read.Response.DueAt);
            Assert.Equal(viaInsert.Resolution.DueAt, read.Resolution.DueAt);
            Assert.Equal(viaInsert.Contact, read.Contact);
            Assert.Null(read.Satisfaction);
        }

        var response = await admin.GetAsync($"/api/v1/incidents/{viaInsert.Number}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task When_a_later_statement_fails_nothing_is_written_and_the_duplicate_is_a_409()
    {
        var customerId = await new DeskDriver(factory).CustomerAsync("GOLD");
        var number = NewTickets.UniqueNumber();
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>().InsertNewAsync(await NewTickets.OpenAsync(factory, customerId, number));

        // Same number, new id: the event row goes in first, then the ticket row breaks the unique number.
        var duplicate = await NewTickets.OpenAsync(factory, customerId, number);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            await Assert.ThrowsAsync<DuplicateKeyException>(() => db.InsertNewAsync(duplicate));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Number == number));
            Assert.Equal(1, await db.Tickets.CountAsync(t => t.Number == number));
            Assert.False(await db.TicketHistory.AnyAsync(h => h.OwnerId == duplicate.Id));
        }
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    [InlineData("SqlServer")]
    public void Each_provider_gets_an_INSERT_naming_every_column_of_the_table_once_with_the_columns_type_mapping(string provider)
    {
        using var db = Context(provider);
        var table = InsertCommands.For(db, typeof(Ticket));
        var model = db.Model.GetRelationalModel().FindTable("Tickets", null)!;

        Assert.Equal(model.Columns.Select(c => c.Name).Order(StringComparer.Ordinal), table.Columns.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(model.Columns.Select(c => c.Name).Order(StringComparer.Ordinal), ColumnsOf(table.EveryColumn.Sql).Order(StringComparer.Ordinal));
        Assert.StartsWith(provider == "SqlServer" ? "INSERT INTO [Tickets] ([" : "INSERT INTO \"Tickets\" (\"", table.EveryColumn.Sql, StringComparison.Ordinal);
        Assert.EndsWith(provider == "Postgres" ? $", ${model.Columns.Count()})" : $", @p{model.Columns.Count() - 1})", table.EveryColumn.Sql, StringComparison.Ordinal);
        foreach (var column in model.Columns)
        {
            var declared = table.Columns.Single(c => c.Name == column.Name);
            Assert.Equal(column.StoreType, declared.TypeMapping.StoreType);
            Assert.Equal(column.IsNullable, declared.IsNullable);
        }
    }

    [Fact]
    public async Task A_rows_NULL_columns_are_left_out_of_its_statement_and_rows_with_the_same_NULLs_share_one()
    {
        using var db = Context("Postgres");
        var table = InsertCommands.For(db, typeof(Ticket));
        var (first, second) = (await NewTickets.OpenAsync(factory, Guid.NewGuid(), "INC000001"), await NewTickets.OpenAsync(factory, Guid.NewGuid(), "INC000002"));
        using var factoryCommand = new Npgsql.NpgsqlCommand();
        using var command = new Npgsql.NpgsqlCommand();

        var sql = table.Bind(factoryCommand, command.Parameters, first);

        var expected = table.Columns.Where(c => c.Value(first) is not null).Select(c => c.Name).ToList();
        Assert.Equal(expected, ColumnsOf(sql));
        Assert.DoesNotContain("AcknowledgedAt", expected);
        Assert.Contains("OpenedAt", expected);
        Assert.True(expected.Count < table.Columns.Length);
        Assert.EndsWith($", ${expected.Count})", sql, StringComparison.Ordinal);
        Assert.Equal(expected.Count, command.Parameters.Count);
        Assert.All(command.Parameters.Cast<Npgsql.NpgsqlParameter>(), p => Assert.NotEqual(DBNull.Value, p.Value));

        using var again = new Npgsql.NpgsqlCommand();
        Assert.Same(sql, table.Bind(factoryCommand, again.Parameters, second));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    [InlineData("SqlServer")]
    public async Task Every_column_reads_what_EF_Cores_own_getters_read_from_a_new_ticket_and_from_a_worked_and_rated_one(string provider)
    {
        using var db = Context(provider);
        var (opened, worked) = (await NewTickets.OpenAsync(factory, Guid.NewGuid(), "INC000001"), await NewTickets.WorkedAsync(factory, Guid.NewGuid(), "INC000002"));

        foreach (var row in RowsOf(opened).Concat(RowsOf(worked)))
        {
            var table = InsertCommands.For(db, row.GetType());
            Assert.All(table.Columns, c => Assert.Equal(c.ValueThroughModel(row), c.Value(row)));
            // Compiled, not the getters' fallback (which would be the very same delegate).
            Assert.All(table.Columns, c => Assert.NotSame(c.ValueThroughModel, c.Value));
        }

        // The rated ticket reads its owned parts' columns (NULL in the new one) through the compiled paths too.
        var tickets = InsertCommands.For(db, typeof(Ticket));
        var setOnlyWhenWorked = tickets.Columns.Where(c => c.Value(opened) is null && c.Value(worked) is not null).Select(c => c.Name).ToList();
        Assert.Contains("SatisfactionOverall", setOnlyWhenWorked);
        Assert.Contains("ResolvedAt", setOnlyWhenWorked);
    }

    [Fact]
    public async Task On_PostgreSQL_a_statement_binds_the_next_row_into_the_parameters_its_last_execution_gave_back()
    {
        using var db = Context("Postgres");
        var (first, second) = (await NewTickets.OpenAsync(factory, Guid.NewGuid(), "INC000001"), await NewTickets.OpenAsync(factory, Guid.NewGuid(), "INC000002"));
        using var factoryCommand = new Npgsql.NpgsqlCommand();

        foreach (var (row, next) in RowsOf(first).Zip(RowsOf(second)))
        {
            // Tables of their own, not the process's: other tests write through the shared ones meanwhile.
            var table = InsertTable.Build(db, row.GetType());
            using var command = new Npgsql.NpgsqlCommand();
            var sql = table.Bind(factoryCommand, command.Parameters, row, out var lease);
            var made = command.Parameters.ToList();
            var statement = table.StatementFor(OmittedOf(table, row));
            Assert.Same(sql, statement.Sql);
            Assert.Equal(0, statement.KeptSets);

            command.Parameters.Clear();
            lease.Return();
            Assert.Equal(1, statement.KeptSets);
            Assert.All(made, p => Assert.Null(p.Value));

            using var again = new Npgsql.NpgsqlCommand();
            Assert.Same(sql, table.Bind(factoryCommand, again.Parameters, next, out var nextLease));
            Assert.Equal(0, statement.KeptSets);
            var reused = again.Parameters.ToList();
            Assert.Equal(made.Count, reused.Count);
            Assert.All(made.Zip(reused), pair => Assert.Same(pair.First, pair.Second));

            // Exactly what new parameters made by the type mappings for that row would be.
            using var fresh = new Npgsql.NpgsqlCommand();
            InsertTable.Build(db, row.GetType()).Bind(factoryCommand, fresh.Parameters, next);
            Assert.Equal(fresh.Parameters.Select(Describe), reused.Select(Describe));
            Assert.Contains(reused, p => Equals(p.Value, second.Number) || Equals(p.Value, second.Id));

            again.Parameters.Clear();
            nextLease.Return();
            Assert.Equal(1, statement.KeptSets);
        }
    }

    [Fact]
    public async Task A_statement_keeps_a_bounded_number_of_parameter_sets_and_on_SQL_Server_none()
    {
        var ticket = await NewTickets.OpenAsync(factory, Guid.NewGuid(), "INC000001");
        using var postgres = Context("Postgres");
        var table = InsertTable.Build(postgres, typeof(Ticket));
        using var factoryCommand = new Npgsql.NpgsqlCommand();
        var commands = Enumerable.Range(0, InsertStatement.MaxKeptSets + 4).Select(_ => new Npgsql.NpgsqlCommand()).ToList();
        var leases = commands.Select(c => (table.Bind(factoryCommand, c.Parameters, ticket, out var lease), lease).lease).ToList();
        foreach (var command in commands)
        {
            command.Parameters.Clear();
            command.Dispose();
        }

        leases.ForEach(l => l.Return());
        Assert.Equal(InsertStatement.MaxKeptSets, table.StatementFor(OmittedOf(table, ticket)).KeptSets);

        using var sqlServer = Context("SqlServer");
        var named = InsertTable.Build(sqlServer, typeof(Ticket));
        using var sqlFactory = new SqlCommand();
        using var sqlCommand = new SqlCommand();
        named.Bind(sqlFactory, sqlCommand.Parameters, ticket, out var sqlLease);
        sqlCommand.Parameters.Clear();
        sqlLease.Return();
        Assert.Equal(0, named.StatementFor(OmittedOf(named, ticket)).KeptSets);
    }

    /// <summary>A new ticket's rows in the order intake writes them: its event, itself, its history line.</summary>
    private static List<object> RowsOf(Ticket ticket)
    {
        var rows = new List<object> { OutboxMessage.For(ticket.DomainEvents[0], ticket.CustomerId), ticket };
        rows.AddRange(((IAudited)ticket).NewRows);
        return rows;
    }

    /// <summary>The pattern of NULLs <see cref="InsertTable.Bind(DbCommand, DbParameterCollection, object)"/> finds in <paramref name="row"/>.</summary>
    private static UInt128 OmittedOf(InsertTable table, object row) => Enumerable.Range(0, table.Columns.Length)
        .Where(i => table.Columns[i].MayLeaveOut && table.Columns[i].Value(row) is null)
        .Aggregate(UInt128.Zero, (mask, i) => mask | UInt128.One << i);

    /// <summary>Everything about a parameter that reaches PostgreSQL.</summary>
    private static string Describe(Npgsql.NpgsqlParameter p) => string.Join('|', p.ParameterName, p.Value is DBNull ? "NULL" : p.Value?.GetType().Name,
        Convert.ToString(p.Value, CultureInfo.InvariantCulture), p.DbType, p.NpgsqlDbType, p.DataTypeName, p.Size, p.Precision, p.Scale, p.IsNullable, p.Direction);

    [Fact]
    public async Task Patterns_of_NULLs_past_the_bound_bind_every_column_instead()
    {
        using var db = Context("SqlServer");
        var table = InsertTable.Build(db, typeof(Ticket));
        var ticket = await NewTickets.OpenAsync(factory, Guid.NewGuid(), "INC000001");
        // Single NULL columns: none of them is the ticket's own pattern (it has many NULLs).
        var nullable = Enumerable.Range(0, table.Columns.Length).Where(i => table.Columns[i].MayLeaveOut).Take(InsertTable.MaxPatterns + 1).ToArray();

        var statements = nullable.Select(i => table.StatementFor(UInt128.One << i)).ToList();

        Assert.Equal(InsertTable.MaxPatterns, table.Patterns);
        Assert.All(statements.Take(InsertTable.MaxPatterns), (s, k) => Assert.DoesNotContain(table.Columns[nullable[k]].Name, ColumnsOf(s.Sql)));
        Assert.Same(table.EveryColumn, statements[^1]);
        Assert.Same(statements[0], table.StatementFor(UInt128.One << nullable[0]));

        // A row of a new pattern now binds every column, its NULLs as DBNull.
        using var factoryCommand = new SqlCommand();
        using var command = new SqlCommand();
        Assert.Same(table.EveryColumn.Sql, table.Bind(factoryCommand, command.Parameters, ticket));
        Assert.Equal(table.Columns.Length, command.Parameters.Count);
        Assert.Equal(table.Columns.Count(c => c.Value(ticket) is null), command.Parameters.Cast<SqlParameter>().Count(p => p.Value == DBNull.Value));
        Assert.Equal(InsertTable.MaxPatterns, table.Patterns);
    }

    [Fact]
    public async Task A_NULL_column_with_a_default_is_bound_so_it_stays_NULL_while_one_without_is_left_out()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new DefaultsContext(new DbContextOptionsBuilder<DefaultsContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();
        var table = InsertTable.Build(db, typeof(DefaultsRow));
        Assert.False(table.Columns.Single(c => c.Name == nameof(DefaultsRow.Tag)).MayLeaveOut);
        Assert.True(table.Columns.Single(c => c.Name == nameof(DefaultsRow.Note)).MayLeaveOut);

        await InsertCommands.ExecuteAsync(db, connection, null, [new DefaultsRow { Id = Guid.NewGuid() }], CancellationToken.None);

        Assert.Equal(["Id", "Tag"], ColumnsOf(table.StatementFor(UInt128.One << Array.FindIndex(table.Columns, c => c.Name == nameof(DefaultsRow.Note))).Sql));
        var row = await db.Rows.AsNoTracking().SingleAsync();
        Assert.Null(row.Tag);
        Assert.Null(row.Note);
    }

    private sealed class DefaultsRow
    {
        public Guid Id { get; set; }

        public string? Note { get; set; }

        public string? Tag { get; set; }
    }

    /// <summary>A table with a nullable column the database would fill in (a default) and one it would not.</summary>
    private sealed class DefaultsContext(DbContextOptions<DefaultsContext> options) : DbContext(options)
    {
        public DbSet<DefaultsRow> Rows => Set<DefaultsRow>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<DefaultsRow>(row =>
        {
            row.Property(r => r.Id).ValueGeneratedNever();
            row.Property(r => r.Tag).HasDefaultValue("default").ValueGeneratedNever();
        });
    }

    [Fact]
    public async Task For_SQL_Server_the_statements_take_named_parameters_typed_and_converted_by_the_model()
    {
        using var db = Context("SqlServer");
        var ticket = await NewTickets.OpenAsync(factory, Guid.NewGuid(), "INC000001");
        var rows = new List<object> { OutboxMessage.For(ticket.DomainEvents[0], ticket.CustomerId), ticket };
        rows.AddRange(((IAudited)ticket).NewRows);
        using var factoryCommand = new SqlCommand();

        var statements = new List<string>();
        foreach (var row in rows)
        {
            using var command = new SqlCommand();
            var sql = InsertCommands.For(db, row.GetType()).Bind(factoryCommand, command.Parameters, row);
            statements.Add(sql);
            var names = Enumerable.Range(0, command.Parameters.Count).Select(i => "@p" + i).ToList();
            Assert.Equal(names, command.Parameters.Cast<SqlParameter>().Select(p => p.ParameterName));
            Assert.EndsWith($"VALUES ({string.Join(", ", names)})", sql, StringComparison.Ordinal);
            var columns = ColumnsOf(sql);
            Assert.Equal(names.Count, columns.Count);
            if (row is Ticket)
            {
                var openedAt = command.Parameters[columns.IndexOf("OpenedAt")];
                Assert.Equal(System.Data.DbType.DateTimeOffset, openedAt.DbType);
                Assert.Equal(NewTickets.OpenedAt, openedAt.Value);
                Assert.Equal("Incident", command.Parameters[columns.IndexOf("Kind")].Value);
            }
        }

        Assert.Equal(["INSERT INTO [OutboxMessages]", "INSERT INTO [Tickets]", "INSERT INTO [TicketHistory]"],
            statements.Select(s => s[..s.IndexOf(" (", StringComparison.Ordinal)]));
    }

    [Fact]
    public void A_type_with_rows_in_other_tables_is_refused_rather_than_written_in_part()
    {
        using var db = Context("Sqlite");
        var withOtherTables = db.Model.GetEntityTypes().First(t => !t.IsOwned() && t.GetNavigations().Any(n => n.IsCollection));

        Assert.Throws<NotSupportedException>(() => InsertCommands.For(db, withOtherTables.ClrType));
    }

    /// <summary>The column names an INSERT's text lists, in order, without their quotes.</summary>
    private static List<string> ColumnsOf(string insert)
    {
        var list = insert[(insert.IndexOf(" (", StringComparison.Ordinal) + 2)..insert.IndexOf(") VALUES", StringComparison.Ordinal)];
        return list.Split(", ").Select(c => c.Trim('"', '[', ']')).ToList();
    }

    private static ServiceDeskDbContext Context(string provider) => provider switch
    {
        "Sqlite" => new SqliteServiceDeskDbContext(new DbContextOptionsBuilder<SqliteServiceDeskDbContext>().UseSqlite("Data Source=:memory:").Options),
        "Postgres" => new PostgresServiceDeskDbContext(new DbContextOptionsBuilder<PostgresServiceDeskDbContext>().UseNpgsql("Host=unused").Options),
        _ => new SqlServerServiceDeskDbContext(new DbContextOptionsBuilder<SqlServerServiceDeskDbContext>().UseSqlServer("Server=unused").Options),
    };

    /// <summary>Each row by its "Number" column, as column name to value, read with plain ADO.NET.</summary>
    private static async Task<Dictionary<string, Dictionary<string, object?>>> RowsAsync(ServiceDeskDbContext db, string sql, params string[] numbers)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = string.Format(CultureInfo.InvariantCulture, sql, numbers.Select((_, i) => db.Database.IsNpgsql() ? "@n" + i : "$n" + i).ToArray());
        for (var i = 0; i < numbers.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = (db.Database.IsNpgsql() ? "n" : "$n") + i;
            parameter.Value = numbers[i];
            command.Parameters.Add(parameter);
        }

        var rows = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i), StringComparer.Ordinal);
            rows[(string)row["Number"]!] = row;
        }

        return rows;
    }

    private static void AssertSameRow(Dictionary<string, object?> expected, Dictionary<string, object?> actual, params string[] differing)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (column, value) in expected.Where(c => !differing.Contains(c.Key)))
            Assert.True(Equals(value, actual[column]) || value is byte[] bytes && actual[column] is byte[] other && bytes.AsSpan().SequenceEqual(other),
                $"Column {column}: SaveChanges wrote {value ?? "NULL"}, InsertNewAsync wrote {actual[column] ?? "NULL"}.");
    }
}
