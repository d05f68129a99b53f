using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceDesk.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotBreachedListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Kind_OpenedAt_Number_NotBreached",
                table: "Tickets",
                columns: new[] { "Kind", "OpenedAt", "Number" },
                filter: "\"ResponseState\" <> 'Breached' AND \"ResolutionState\" <> 'Breached'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Kind_OpenedAt_Number_NotBreached",
                table: "Tickets");
        }
    }
}
