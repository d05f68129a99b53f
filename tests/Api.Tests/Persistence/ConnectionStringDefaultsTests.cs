using Npgsql;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Persistence;

/// <summary>What the service adds to a connection string, and that what the operator wrote always wins.</summary>
public sealed class ConnectionStringDefaultsTests
{
    [Fact]
    public void On_PostgreSQL_statements_are_auto_prepared_connections_are_not_reset_nor_kept_past_30_minutes_and_connects_time_out_in_3_s()
    {
        var built = new NpgsqlConnectionStringBuilder(
            DatabaseProviders.WithServiceDefaults("Host=db;Username=app;Database=desk", DatabaseProvider.Postgres));

        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
        Assert.Equal(1800, built.ConnectionLifetime);
        Assert.Equal(3, built.Timeout);
        Assert.Equal("db", built.Host);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false;Connection Lifetime=0;Timeout=20")]
    [InlineData("Host=db;MaxAutoPrepare=0;NoResetOnClose=false;ConnectionLifetime=0;Timeout=20")]
    public void On_PostgreSQL_what_the_connection_string_sets_is_kept(string connectionString)
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseProviders.WithServiceDefaults(connectionString, DatabaseProvider.Postgres));

        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.False(built.NoResetOnClose);
        Assert.Equal(0, built.ConnectionLifetime);
        Assert.Equal(20, built.Timeout);
    }

    [Fact]
    public void On_SQL_Server_only_the_connect_timeout_is_added()
    {
        var built = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(
            DatabaseProviders.WithServiceDefaults("Server=db;Database=desk;Integrated Security=true", DatabaseProvider.SqlServer));

        Assert.Equal(3, built.ConnectTimeout);
        Assert.Equal("db", built.DataSource);
    }
}
