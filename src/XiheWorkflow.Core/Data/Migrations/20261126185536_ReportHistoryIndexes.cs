using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XiheWorkflow.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportHistoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_HistoricalNotices_Documents",
                table: "HistoricalNotices",
                columns: new[] { "Kind", "RepealedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_ClosedOn",
                table: "Appeals",
                column: "ClosedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HistoricalNotices_Documents",
                table: "HistoricalNotices");

            migrationBuilder.DropIndex(
                name: "IX_Appeals_ClosedOn",
                table: "Appeals");
        }
    }
}
