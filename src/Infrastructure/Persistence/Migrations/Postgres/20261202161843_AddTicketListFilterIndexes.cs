using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceDesk.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddTicketListFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssignmentGroup_OpenedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_CustomerId_Kind_OpenedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Kind_Status_OpenedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CustomerId_Kind_OpenedAt_Number",
                table: "Tickets",
                columns: new[] { "CustomerId", "Kind", "OpenedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Kind_Assignee_OpenedAt_Number",
                table: "Tickets",
                columns: new[] { "Kind", "Assignee", "OpenedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Kind_AssignmentGroup_OpenedAt_Number",
                table: "Tickets",
                columns: new[] { "Kind", "AssignmentGroup", "OpenedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Kind_Priority_OpenedAt_Number",
                table: "Tickets",
                columns: new[] { "Kind", "Priority", "OpenedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Kind_ProductLineCode_OpenedAt_Number",
                table: "Tickets",
                columns: new[] { "Kind", "ProductLineCode", "OpenedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Kind_Status_OpenedAt_Number",
                table: "Tickets",
                columns: new[] { "Kind", "Status", "OpenedAt", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_CustomerId_Kind_OpenedAt_Number",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Kind_Assignee_OpenedAt_Number",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Kind_AssignmentGroup_OpenedAt_Number",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Kind_Priority_OpenedAt_Number",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Kind_ProductLineCode_OpenedAt_Number",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Kind_Status_OpenedAt_Number",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssignmentGroup_OpenedAt",
                table: "Tickets",
                columns: new[] { "AssignmentGroup", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CustomerId_Kind_OpenedAt",
                table: "Tickets",
                columns: new[] { "CustomerId", "Kind", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Kind_Status_OpenedAt",
                table: "Tickets",
                columns: new[] { "Kind", "Status", "OpenedAt" });
        }
    }
}
