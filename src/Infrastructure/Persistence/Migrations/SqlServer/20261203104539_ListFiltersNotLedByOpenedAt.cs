using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceDesk.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListFiltersNotLedByOpenedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Kind_OpenedAt_Number",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_OpenedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Kind_OpenedAt_Number",
                table: "Tickets",
                columns: new[] { "Kind", "OpenedAt", "Number" })
                .Annotation("SqlServer:Include", new[] { "Status", "CustomerId", "ProductLineCode", "ServiceLevelCode", "Priority" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Kind_OpenedAt_Number",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Kind_OpenedAt_Number",
                table: "Tickets",
                columns: new[] { "Kind", "OpenedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_OpenedAt",
                table: "Tickets",
                column: "OpenedAt")
                .Annotation("SqlServer:Include", new[] { "Status", "CustomerId", "ProductLineCode", "ServiceLevelCode", "Priority" });
        }
    }
}
