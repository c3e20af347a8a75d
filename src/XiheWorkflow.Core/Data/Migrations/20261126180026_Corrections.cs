using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XiheWorkflow.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Corrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RepublishedAtUtc",
                table: "Notices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewDueOn",
                table: "Notices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewMonths",
                table: "Categories",
                type: "INTEGER",
                nullable: false,
                defaultValue: 6);

            // Notices already published are due for periodic review six months after publication.
            migrationBuilder.Sql(
                "UPDATE Notices SET ReviewDueOn = date(PublishedAtUtc, '+8 hours', '+6 months') " +
                "WHERE State = 'Published' AND PublishedAtUtc IS NOT NULL AND Kind <> 'Publicity'");

            migrationBuilder.CreateTable(
                name: "NoticeClarifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeClarifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeClarifications_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NoticeCorrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Material = table.Column<bool>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Stages = table.Column<string>(type: "TEXT", nullable: false),
                    StageIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    DeciderIds = table.Column<string>(type: "TEXT", nullable: false),
                    LastDecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WindowRestarted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeCorrections_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_State_ReviewDueOn",
                table: "Notices",
                columns: new[] { "State", "ReviewDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeClarifications_NoticeId_AtUtc",
                table: "NoticeClarifications",
                columns: new[] { "NoticeId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeCorrections_NoticeId_Number",
                table: "NoticeCorrections",
                columns: new[] { "NoticeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NoticeCorrections_Status_SubmittedAtUtc",
                table: "NoticeCorrections",
                columns: new[] { "Status", "SubmittedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NoticeClarifications");

            migrationBuilder.DropTable(
                name: "NoticeCorrections");

            migrationBuilder.DropIndex(
                name: "IX_Notices_State_ReviewDueOn",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "RepublishedAtUtc",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "ReviewDueOn",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "ReviewMonths",
                table: "Categories");
        }
    }
}
