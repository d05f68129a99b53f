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
public sealed class PositionalParameterTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
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

    private async Task<(ServiceDeskDbContext Db, Customer Customer)> WithCustomerAsync()
    {
        var scope = factory.Services.CreateAsyncScope();
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
