using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceDesk.Infrastructure.Persistence.Migrations.Sqlite
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

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolutionBreachedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolutionStoppedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResponseBreachedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResponseStoppedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SatisfactionRatedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AcknowledgedAt",
                table: "Tickets",
                column: "AcknowledgedAt",
                filter: "\"AcknowledgedAt\" IS NOT NULL");

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
                filter: "\"LastReopenedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_LastResolvedAt",
                table: "Tickets",
                column: "LastResolvedAt",
                filter: "\"LastResolvedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ProblemNumber_Number",
                table: "Tickets",
                columns: new[] { "ProblemNumber", "Number" },
                filter: "\"ProblemNumber\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolutionBreachedAt",
                table: "Tickets",
                column: "ResolutionBreachedAt",
                filter: "\"ResolutionBreachedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolutionStoppedAt",
                table: "Tickets",
                column: "ResolutionStoppedAt",
                filter: "\"ResolutionStoppedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResponseBreachedAt",
                table: "Tickets",
                column: "ResponseBreachedAt",
                filter: "\"ResponseBreachedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResponseStoppedAt",
                table: "Tickets",
                column: "ResponseStoppedAt",
                filter: "\"ResponseStoppedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SatisfactionRatedAt",
                table: "Tickets",
                column: "SatisfactionRatedAt",
                filter: "\"SatisfactionRatedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolutionBreachedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolutionStoppedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResponseBreachedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResponseStoppedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SatisfactionRatedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AcknowledgedAt",
                table: "Tickets",
                column: "AcknowledgedAt");

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
                column: "LastReopenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_LastResolvedAt",
                table: "Tickets",
                column: "LastResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ProblemNumber_Number",
                table: "Tickets",
                columns: new[] { "ProblemNumber", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolutionBreachedAt",
                table: "Tickets",
                column: "ResolutionBreachedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolutionStoppedAt",
                table: "Tickets",
                column: "ResolutionStoppedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResponseBreachedAt",
                table: "Tickets",
                column: "ResponseBreachedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResponseStoppedAt",
                table: "Tickets",
                column: "ResponseStoppedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SatisfactionRatedAt",
                table: "Tickets",
                column: "SatisfactionRatedAt");
        }
    }
}
