using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Application.Reports;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Persistence;

/// <summary>
/// On PostgreSQL, LINQ queries are written with PostgreSQL's placeholders ($1) and unnamed parameters, which Npgsql
/// sends as they are instead of parsing and rewriting the SQL on every execution; a command with SQL of the caller's
/// keeps EF Core's named placeholders, since Npgsql refuses a command that mixes the two.
/// </summary>
public sealed class PositionalParameterTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>, IAsyncLifetime
{
    private static readonly Func<ServiceDeskDbContext, string, Task<Guid>> CustomerIdByCode =
        EF.CompileAsyncQuery((ServiceDeskDbContext db, string code) => db.Customers.Where(c => c.Code == code).Select(c => c.Id).FirstOrDefault());

    private readonly List<AsyncServiceScope> _scopes = [];

    [PostgresFact]
    public async Task A_query_is_written_with_numbered_placeholders_a_parameter_used_twice_once_and_it_finds_its_rows()
    {
        var (db, customer) = await WithCustomerAsync();
        var code = customer.Code;
        var name = customer.Name;
        var query = db.Customers.AsNoTracking().Where(c => c.Code == code && c.Name == name && (c.Active || c.Code != code));

        using var command = query.CreateDbCommand();
        Assert.True(command.Parameters.Count == 2, command.CommandText);
        Assert.All(command.Parameters.Cast<DbParameter>(), p => Assert.Equal(string.Empty, p.ParameterName));
        Assert.Equal(2, Occurrences(command.CommandText, "$1"));
        Assert.Equal(1, Occurrences(command.CommandText, "$2"));
        Assert.DoesNotContain("@", command.CommandText, StringComparison.Ordinal);
        Assert.Equal(customer.Id, Assert.Single(await query.ToListAsync()).Id);
    }

    [PostgresFact]
    public async Task A_ticket_read_is_written_with_numbered_placeholders()
    {
        var (db, _) = await WithCustomerAsync();
        var number = "INC000001";
        using var command = db.Set<Ticket>().AsNoTracking().Where(t => t.Number == number && t.Kind == TicketKind.Incident)
            .Select(TicketMapper.Projection).CreateDbCommand();

        Assert.Contains("$1", command.CommandText, StringComparison.Ordinal);
        Assert.DoesNotContain("@", command.CommandText, StringComparison.Ordinal);
        Assert.Equal(string.Empty, Assert.Single(command.Parameters.Cast<DbParameter>()).ParameterName);
    }

    [PostgresFact]
    public async Task Sql_of_the_callers_composed_with_a_linq_condition_keeps_named_placeholders_and_runs()
    {
        var (db, customer) = await WithCustomerAsync();
        var code = customer.Code;
        var name = customer.Name;
        var query = db.Customers.FromSql($"""SELECT * FROM "Customers" WHERE "Code" = {code}""").AsNoTracking().Where(c => c.Name == name);

        using var command = query.CreateDbCommand();
        Assert.Equal(2, command.Parameters.Count);
        Assert.All(command.Parameters.Cast<DbParameter>(), p => Assert.NotEqual(string.Empty, p.ParameterName));
        Assert.DoesNotContain("$1", command.CommandText, StringComparison.Ordinal);
        Assert.Equal(customer.Id, Assert.Single(await query.ToListAsync()).Id);
    }

    [PostgresFact]
    public async Task Sql_of_the_callers_without_parameters_of_its_own_keeps_named_placeholders_and_runs()
    {
        var (db, customer) = await WithCustomerAsync();
        var name = customer.Name;
        var query = db.Customers.FromSql($"""SELECT * FROM "Customers" """).AsNoTracking().Where(c => c.Name == name);

        using var command = query.CreateDbCommand();
        Assert.NotEqual(string.Empty, Assert.Single(command.Parameters.Cast<DbParameter>()).ParameterName);
        Assert.DoesNotContain("$1", command.CommandText, StringComparison.Ordinal);
        Assert.Equal(customer.Id, Assert.Single(await query.ToListAsync()).Id);
    }

    [PostgresFact]
    public async Task An_entity_over_sql_without_arguments_is_written_with_numbered_placeholders()
    {
        // RatedTicket is a ToSqlQuery entity: its SQL has no parameters of its own, so the report's period is positional.
        var (db, _) = await WithCustomerAsync();
        var from = DateTimeOffset.UtcNow.AddDays(-30);
        var query = db.Set<RatedTicket>().Where(r => r.RatedAt >= from);

        using var command = query.CreateDbCommand();
        Assert.Contains("$1", command.CommandText, StringComparison.Ordinal);
        Assert.Equal(string.Empty, Assert.Single(command.Parameters.Cast<DbParameter>()).ParameterName);
        await query.CountAsync();
    }

    [PostgresFact]
    public async Task A_raw_sql_query_with_a_parameter_of_its_own_runs()
    {
        var (db, customer) = await WithCustomerAsync();
        var code = customer.Code;

        var names = await db.Database.SqlQuery<string>($"""SELECT "Name" AS "Value" FROM "Customers" WHERE "Code" = {code}""").ToListAsync();

        Assert.Equal(customer.Name, Assert.Single(names));
    }

    [PostgresFact]
    public async Task A_bulk_update_with_numbered_placeholders_changes_only_its_rows()
    {
        var (db, customer) = await WithCustomerAsync();
        var (_, other) = await WithCustomerAsync();
        var code = customer.Code;

        var changed = await db.Customers.Where(c => c.Code == code).ExecuteUpdateAsync(u => u.SetProperty(c => c.Active, false));

        Assert.Equal(1, changed);
        Assert.False((await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id)).Active);
        Assert.True((await db.Customers.AsNoTracking().SingleAsync(c => c.Id == other.Id)).Active);
    }

    [PostgresFact]
    public async Task A_null_parameter_is_left_out_and_the_others_are_numbered_from_one()
    {
        var (db, customer) = await WithCustomerAsync();
        string? code = null;
        var name = customer.Name;
        var withNull = db.Customers.AsNoTracking().Where(c => c.Code == code || c.Name == name);

        using (var command = withNull.CreateDbCommand())
        {
            // EF Core writes a null parameter as IS NULL (here: never, the code is required), so only the name is bound.
            Assert.True(command.Parameters.Count == 1, command.CommandText);
            Assert.Contains("$1", command.CommandText, StringComparison.Ordinal);
            Assert.DoesNotContain("$2", command.CommandText, StringComparison.Ordinal);
        }

        Assert.Equal(customer.Id, Assert.Single(await withNull.ToListAsync()).Id);

        code = customer.Code;
        name = "no such name";
        var withValue = db.Customers.AsNoTracking().Where(c => c.Code == code || c.Name == name);
        using (var command = withValue.CreateDbCommand())
            Assert.True(command.Parameters.Count == 2, command.CommandText);
        Assert.Equal(customer.Id, Assert.Single(await withValue.ToListAsync()).Id);
    }

    [PostgresFact]
    public async Task A_list_of_values_is_written_with_numbered_placeholders_and_finds_exactly_its_rows()
    {
        var (db, customer) = await WithCustomerAsync();
        var (_, other) = await WithCustomerAsync();
        var (_, left) = await WithCustomerAsync();
        string[] codes = [customer.Code, other.Code, "NO-SUCH-CODE"];
        var query = db.Customers.AsNoTracking().Where(c => codes.Contains(c.Code));

        using var command = query.CreateDbCommand();
        Assert.Contains("$1", command.CommandText, StringComparison.Ordinal);
        Assert.DoesNotContain("@", command.CommandText, StringComparison.Ordinal);
        Assert.All(command.Parameters.Cast<DbParameter>(), p => Assert.Equal(string.Empty, p.ParameterName));
        var found = await query.Select(c => c.Id).ToListAsync();
        Assert.Equal(2, found.Count);
        Assert.Contains(customer.Id, found);
        Assert.Contains(other.Id, found);
        Assert.DoesNotContain(left.Id, found);
    }

    [PostgresFact]
    public async Task A_precompiled_query_binds_each_call_s_own_argument()
    {
        var (db, customer) = await WithCustomerAsync();
        var (_, other) = await WithCustomerAsync();

        Assert.Equal(customer.Id, await CustomerIdByCode(db, customer.Code));
        Assert.Equal(other.Id, await CustomerIdByCode(db, other.Code));
        Assert.Equal(Guid.Empty, await CustomerIdByCode(db, "NO-SUCH-CODE"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var scope in _scopes)
            await scope.DisposeAsync();
    }

    private async Task<(ServiceDeskDbContext Db, Customer Customer)> WithCustomerAsync()
    {
        var scope = factory.Services.CreateAsyncScope();
        _scopes.Add(scope);
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var customer = new Customer(Guid.CreateVersion7(), $"POS-{suffix}", $"Positional {suffix}", []);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return (db, customer);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
