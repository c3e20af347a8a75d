using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XiheWorkflow.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_Dashboard",
                table: "Notices");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Dashboard",
                table: "Notices",
                columns: new[] { "PublishedAtUtc", "OfficeId", "CategoryId", "Kind", "Form", "Origin", "Channels", "FormedOn", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Open",
                table: "Notices",
                columns: new[] { "State", "StageIndex", "Stages", "Channels", "WaitingSinceUtc", "FormedOn", "OfficeId", "CategoryId" },
                filter: "\"State\" IN ('InReview', 'Approved', 'Returned', 'InPublicity', 'PublicityEnded')");

            migrationBuilder.CreateIndex(
                name: "IX_NoticePostings_Dashboard",
                table: "NoticePostings",
                columns: new[] { "PostedOn", "Channel", "Form", "Origin", "NoticeId" },
                filter: "\"Status\" = 'Posted'");

            migrationBuilder.CreateIndex(
                name: "IX_NoticeEvents_Rounds",
                table: "NoticeEvents",
                columns: new[] { "NoticeId", "Action", "Sequence", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_OpenObjections",
                table: "Comments",
                columns: new[] { "NoticeId", "ReceivedAtUtc" },
                filter: "\"Status\" = 'Pending' AND \"Kind\" = 'Objection'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notices_Dashboard",
                table: "Notices");

            migrationBuilder.DropIndex(
                name: "IX_Notices_Open",
                table: "Notices");

            migrationBuilder.DropIndex(
                name: "IX_NoticePostings_Dashboard",
                table: "NoticePostings");

            migrationBuilder.DropIndex(
                name: "IX_NoticeEvents_Rounds",
                table: "NoticeEvents");

            migrationBuilder.DropIndex(
                name: "IX_Comments_OpenObjections",
                table: "Comments");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Dashboard",
                table: "Notices",
                columns: new[] { "PublishedAtUtc", "OfficeId", "CategoryId", "Kind", "Form", "Origin", "Channels", "FormedOn" });
        }
    }
}
