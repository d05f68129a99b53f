using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Application.Reports;

namespace ServiceDesk.Infrastructure.Persistence.Configurations;

/// <summary>
/// The rated tickets as flat rows over the Tickets table (no table of its own, so no migration): the rating's owned
/// columns under plain names. Double-quoted identifiers are standard SQL: SQLite, PostgreSQL and SQL Server (with
/// QUOTED_IDENTIFIER, SqlClient's default) all read them. The period's range on RatedAt is composed around this query
/// and reaches the covering index on SatisfactionRatedAt (the planner inlines the subquery).
/// </summary>
internal sealed class RatedTicketConfiguration : IEntityTypeConfiguration<RatedTicket>
{
    public void Configure(EntityTypeBuilder<RatedTicket> builder)
    {
        builder.HasNoKey();
        builder.ToSqlQuery("""
            SELECT "CustomerId", "ProductLineCode", "ServiceLevelCode", "Priority", "Status", "SatisfactionRatedAt" AS "RatedAt",
                "SatisfactionOverall" AS "Overall", "SatisfactionReliability" AS "Reliability", "SatisfactionResponsiveness" AS "Responsiveness",
                "SatisfactionAssurance" AS "Assurance", "SatisfactionEmpathy" AS "Empathy", "SatisfactionTangibles" AS "Tangibles"
            FROM "Tickets"
            WHERE "SatisfactionRatedAt" IS NOT NULL
            """);
        builder.Property(r => r.Priority).HasConversion<string>().HasMaxLength(2);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
    }
}
