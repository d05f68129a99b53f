using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>
/// The covering form of the report indexes on the owned columns of <c>Tickets</c> (SLA clocks, satisfaction): the
/// model declares them on the owned types, where EF Core cannot include the owner's columns, so the migration
/// <c>AddCoveringReportIndexes</c> rebuilds them with INCLUDE on PostgreSQL and SQL Server under the same names
/// (EF Core still drops or renames them by name). SQLite has no INCLUDE and keeps the plain indexes.
/// The migration <c>MakeNullAtIntakeIndexesPartial</c> rebuilds them once more, covering and partial
/// (<c>WHERE key IS NOT NULL</c>: no entry for a clock still running or never breached, or a ticket not rated); on
/// SQLite its own operations add the filter.
/// </summary>
internal static class ReportIndexes
{
    /// <summary>Index name, key column, the columns it carries besides the report columns (README "Reports and SLA lists at a million tickets").</summary>
    private static readonly (string Name, string Key, string[] Carried)[] Indexes =
    [
        // GetSlaCompliance "met", per clock.
        ("IX_Tickets_ResponseStoppedAt", "ResponseStoppedAt", ["ResponseState"]),
        ("IX_Tickets_ResolutionStoppedAt", "ResolutionStoppedAt", ["ResolutionState"]),
        // GetSlaCompliance "breached" per clock; ListSlaBreaches pages them newest first.
        ("IX_Tickets_ResponseBreachedAt", "ResponseBreachedAt", ["ResponseState"]),
        ("IX_Tickets_ResolutionBreachedAt", "ResolutionBreachedAt", ["ResolutionState"]),
        // GetServiceQuality "rated": the ratings' means.
        ("IX_Tickets_SatisfactionRatedAt", "SatisfactionRatedAt",
            ["SatisfactionOverall", "SatisfactionReliability", "SatisfactionResponsiveness", "SatisfactionAssurance", "SatisfactionEmpathy", "SatisfactionTangibles"]),
    ];

    /// <summary>
    /// The ticket columns every report index carries, as they were when the migration was written (the same list as
    /// <c>TicketConfiguration.ReportColumns</c>). A migration must not follow later edits of the model: a copy, on purpose.
    /// Both migrations above read these lists; a later change of the indexes needs lists of its own.
    /// </summary>
    private static readonly string[] ReportColumns = ["Status", "CustomerId", "ProductLineCode", "ServiceLevelCode", "Priority"];

    public static void Cover(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, covering: true, partial: false);

    public static void Uncover(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, covering: false, partial: false);

    /// <summary>The covering indexes become partial (MakeNullAtIntakeIndexesPartial's Up).</summary>
    public static void MakePartial(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, covering: true, partial: true);

    /// <summary>Back to covering over every ticket (MakeNullAtIntakeIndexesPartial's Down).</summary>
    public static void MakeFull(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, covering: true, partial: false);

    private static void Rebuild(MigrationBuilder migrationBuilder, bool covering, bool partial)
    {
        var (postgres, sqlServer) = (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL", migrationBuilder.IsSqlServer());
        if (!postgres && !sqlServer)
            return;

        string Quote(string column) => postgres ? $"\"{column}\"" : $"[{column}]";
        foreach (var (name, key, carried) in Indexes)
        {
            var columns = string.Join(", ", carried.Concat(ReportColumns).Select(Quote));
            var include = covering ? $" INCLUDE ({columns})" : string.Empty;
            var where = partial ? $" WHERE {Quote(key)} IS NOT NULL" : string.Empty;
            migrationBuilder.Sql(postgres
                ? $"DROP INDEX \"{name}\"; CREATE INDEX \"{name}\" ON \"Tickets\" (\"{key}\"){include}{where};"
                : $"DROP INDEX [{name}] ON [Tickets]; CREATE INDEX [{name}] ON [Tickets] ([{key}]){include}{where};");
        }
    }
}
