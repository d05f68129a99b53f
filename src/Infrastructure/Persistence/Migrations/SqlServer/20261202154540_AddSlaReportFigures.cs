using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceDesk.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddSlaReportFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AcknowledgeBusinessMinutes",
                table: "Tickets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AcknowledgeClockMinutes",
                table: "Tickets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastReopenedAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastResolvedAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolutionAtRiskFrom",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolveBusinessMinutes",
                table: "Tickets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolveClockMinutes",
                table: "Tickets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResponseAtRiskFrom",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AcknowledgedAt",
                table: "Tickets",
                column: "AcknowledgedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_LastReopenedAt",
                table: "Tickets",
                column: "LastReopenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_LastResolvedAt",
                table: "Tickets",
                column: "LastResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_OpenedAt",
                table: "Tickets",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolutionBreachedAt",
                table: "Tickets",
                column: "ResolutionBreachedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolutionState_ResolutionDueAt",
                table: "Tickets",
                columns: new[] { "ResolutionState", "ResolutionDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolutionStoppedAt",
                table: "Tickets",
                column: "ResolutionStoppedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResponseBreachedAt",
                table: "Tickets",
                column: "ResponseBreachedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResponseState_ResponseDueAt",
                table: "Tickets",
                columns: new[] { "ResponseState", "ResponseDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResponseStoppedAt",
                table: "Tickets",
                column: "ResponseStoppedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SatisfactionRatedAt",
                table: "Tickets",
                column: "SatisfactionRatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_AcknowledgedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_LastReopenedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_LastResolvedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_OpenedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolutionBreachedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolutionState_ResolutionDueAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolutionStoppedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResponseBreachedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResponseState_ResponseDueAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResponseStoppedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SatisfactionRatedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "AcknowledgeBusinessMinutes",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "AcknowledgeClockMinutes",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "LastReopenedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "LastResolvedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionAtRiskFrom",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolveBusinessMinutes",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolveClockMinutes",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResponseAtRiskFrom",
                table: "Tickets");
        }
    }
}
