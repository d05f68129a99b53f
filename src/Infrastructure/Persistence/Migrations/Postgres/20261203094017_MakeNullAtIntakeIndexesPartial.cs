using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceDesk.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MakeNullAtIntakeIndexesPartial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_AcknowledgedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_CausedByChange",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ExternalReference",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_LastReopenedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_LastResolvedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ProblemNumber_Number",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AcknowledgedAt",
                table: "Tickets",
                column: "AcknowledgedAt",
                filter: "\"AcknowledgedAt\" IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "CustomerId", "ProductLineCode", "ServiceLevelCode", "Priority", "AcknowledgeBusinessMinutes", "AcknowledgeClockMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CausedByChange",
                table: "Tickets",
                column: "CausedByChange",
                filter: "\"CausedByChange\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ExternalReference",
                table: "Tickets",
                column: "ExternalReference",
                filter: "\"ExternalReference\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_LastReopenedAt",
                table: "Tickets",
                column: "LastReopenedAt",
                filter: "\"LastReopenedAt\" IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "CustomerId", "ProductLineCode", "ServiceLevelCode", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_LastResolvedAt",
                table: "Tickets",
                column: "LastResolvedAt",
                filter: "\"LastResolvedAt\" IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "CustomerId", "ProductLineCode", "ServiceLevelCode", "Priority", "ResolveBusinessMinutes", "ResolveClockMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ProblemNumber_Number",
                table: "Tickets",
                columns: new[] { "ProblemNumber", "Number" },
                filter: "\"ProblemNumber\" IS NOT NULL");
            // The owned columns' covering report indexes become partial in SQL (ReportIndexes says why).
            ReportIndexes.MakePartial(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ReportIndexes.MakeFull(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "IX_Tickets_AcknowledgedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_CausedByChange",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ExternalReference",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_LastReopenedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_LastResolvedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ProblemNumber_Number",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AcknowledgedAt",
                table: "Tickets",
                column: "AcknowledgedAt")
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "CustomerId", "ProductLineCode", "ServiceLevelCode", "Priority", "AcknowledgeBusinessMinutes", "AcknowledgeClockMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CausedByChange",
                table: "Tickets",
                column: "CausedByChange");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ExternalReference",
                table: "Tickets",
                column: "ExternalReference");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_LastReopenedAt",
                table: "Tickets",
                column: "LastReopenedAt")
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "CustomerId", "ProductLineCode", "ServiceLevelCode", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_LastResolvedAt",
                table: "Tickets",
                column: "LastResolvedAt")
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "CustomerId", "ProductLineCode", "ServiceLevelCode", "Priority", "ResolveBusinessMinutes", "ResolveClockMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ProblemNumber_Number",
                table: "Tickets",
                columns: new[] { "ProblemNumber", "Number" });
        }
    }
}
