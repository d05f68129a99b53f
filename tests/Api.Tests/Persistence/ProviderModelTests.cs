using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ServiceDesk.Infrastructure.Persistence;
using ServiceDesk.Infrastructure.Persistence.Providers;

namespace ServiceDesk.Api.Tests.Persistence;

/// <summary>
/// The model and the migrations of every provider, checked without a server: the model builds, the create script and
/// the migrations script name the tables, and no provider has model changes that no migration captures.
/// </summary>
public sealed class ProviderModelTests
{
    public static TheoryData<string> Providers => new() { "SqlServer", "Postgres", "Sqlite" };

    internal static ServiceDeskDbContext Create(string provider) => provider switch
    {
        "SqlServer" => new SqlServerServiceDeskDbContext(new DbContextOptionsBuilder<SqlServerServiceDeskDbContext>()
            .UseSqlServer("Server=none;Database=x;TrustServerCertificate=True").Options),
        "Postgres" => new PostgresServiceDeskDbContext(new DbContextOptionsBuilder<PostgresServiceDeskDbContext>()
            .UseNpgsql("Host=none;Database=x").Options),
        "Sqlite" => new SqliteServiceDeskDbContext(new DbContextOptionsBuilder<SqliteServiceDeskDbContext>()
            .UseSqlite("Data Source=:memory:").Options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>How each provider quotes the products table in DDL.</summary>
    private static string ProductsTable(string provider) => provider switch
    {
        "SqlServer" => "CREATE TABLE [Products]",
        _ => "CREATE TABLE \"Products\"",
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_model_builds_with_every_catalog_and_key_table(string provider)
    {
        using var context = Create(provider);

        var tables = context.Model.GetEntityTypes().Select(t => t.GetTableName()).ToList();

        Assert.Contains("ProductLines", tables);
        Assert.Contains("ProductSeries", tables);
        Assert.Contains("Products", tables);
        Assert.Contains("ServiceLevels", tables);
        Assert.Contains("ApiKeys", tables);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_create_script_creates_the_products_table(string provider)
    {
        using var context = Create(provider);

        var script = context.Database.GenerateCreateScript();

        Assert.Contains(ProductsTable(provider), script, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migrations_produce_a_script_that_creates_the_products_table(string provider)
    {
        using var context = Create(provider);
        var migrator = context.GetService<IMigrator>();

        var script = migrator.GenerateScript();

        Assert.False(string.IsNullOrWhiteSpace(script));
        Assert.Contains(ProductsTable(provider), script, StringComparison.Ordinal);
        Assert.Contains("__EFMigrationsHistory", script, StringComparison.Ordinal);
        Assert.NotEmpty(context.Database.GetMigrations());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_provider_has_a_migration_for_every_model_change(string provider)
    {
        using var context = Create(provider);

        Assert.False(context.Database.HasPendingModelChanges(), $"{provider}: the model has changes no migration captures; add a migration for {provider}.");
    }

    [Fact]
    public void The_providers_migrate_the_same_tables()
    {
        var tablesByProvider = new[] { "SqlServer", "Postgres", "Sqlite" }.Select(provider =>
        {
            using var context = Create(provider);
            return context.Model.GetRelationalModel().Tables.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        }).ToList();

        Assert.Equal(tablesByProvider[0], tablesByProvider[1]);
        Assert.Equal(tablesByProvider[0], tablesByProvider[2]);
    }
}
