using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XiheWorkflow.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportDocumentsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Notices_Documents",
                table: "Notices",
                columns: new[] { "Kind", "State", "WaitingSinceUtc", "PublishedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_Documents",
                table: "Notices");
        }
    }
}
