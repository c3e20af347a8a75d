using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XiheWorkflow.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Dashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Notices_Dashboard",
                table: "Notices",
                columns: new[] { "PublishedAtUtc", "OfficeId", "CategoryId", "Kind", "Form", "Origin", "Channels", "FormedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeEvents_Dashboard",
                table: "NoticeEvents",
                columns: new[] { "AtUtc", "Action", "ToState", "NoticeId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_HistoricalNotices_Dashboard",
                table: "HistoricalNotices",
                columns: new[] { "PublishedOn", "OfficeId", "CategoryId", "Kind", "Form", "Origin", "Channels" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_Dashboard",
                table: "Comments",
                columns: new[] { "ReceivedAtUtc", "NoticeId", "AnsweredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_Open",
                table: "Comments",
                columns: new[] { "Status", "Kind", "NoticeId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Dashboard",
                table: "Applications",
                columns: new[] { "Outcome", "ClosedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_Dashboard",
                table: "Notices");

            migrationBuilder.DropIndex(
                name: "IX_NoticeEvents_Dashboard",
                table: "NoticeEvents");

            migrationBuilder.DropIndex(
                name: "IX_HistoricalNotices_Dashboard",
                table: "HistoricalNotices");

            migrationBuilder.DropIndex(
                name: "IX_Comments_Dashboard",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Comments_Open",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Dashboard",
                table: "Applications");
        }
    }
}
