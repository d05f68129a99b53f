using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceDesk.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PartialAssigneeListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Kind_Assignee_OpenedAt_Number",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Kind_Assignee_OpenedAt_Number",
                table: "Tickets",
                columns: new[] { "Kind", "Assignee", "OpenedAt", "Number" },
                filter: "[Assignee] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Kind_Assignee_OpenedAt_Number",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Kind_Assignee_OpenedAt_Number",
                table: "Tickets",
                columns: new[] { "Kind", "Assignee", "OpenedAt", "Number" });
        }
    }
}
