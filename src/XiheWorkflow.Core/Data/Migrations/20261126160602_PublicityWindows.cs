using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XiheWorkflow.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicityWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PublicityDayCounts",
                table: "Notices",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PublicityDays",
                table: "Notices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublicityEndsAtUtc",
                table: "Notices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublicityFrom",
                table: "Notices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PublicityMovesEnd",
                table: "Notices",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PublicityOutcome",
                table: "Notices",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PublicityPeriod",
                table: "Notices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PublicityProvisional",
                table: "Notices",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublicityTo",
                table: "Notices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicityUnit",
                table: "Notices",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ScheduledAtUtc",
                table: "Notices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MoveEndOffHoliday",
                table: "Categories",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PublicationDayCounts",
                table: "Categories",
                type: "INTEGER",
                nullable: false,
                // Existing categories keep counting the publication day as day 1 (DESIGN.md §4).
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "TimelinessLimitDays",
                table: "Categories",
                type: "INTEGER",
                nullable: false,
                // 《政府信息公开条例》Art. 26: 20 working days unless a catalogue sets less.
                defaultValue: 20);

            migrationBuilder.CreateTable(
                name: "AppSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppSettings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecipientRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebhookMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DedupKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeliveredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_State_PublicityEndsAtUtc",
                table: "Notices",
                columns: new[] { "State", "PublicityEndsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_State_ScheduledAtUtc",
                table: "Notices",
                columns: new[] { "State", "ScheduledAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Kind_NoticeId_RecipientUserId_Day",
                table: "Notifications",
                columns: new[] { "Kind", "NoticeId", "RecipientUserId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId_ReadAtUtc",
                table: "Notifications",
                columns: new[] { "RecipientUserId", "ReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookMessages_DedupKey",
                table: "WebhookMessages",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookMessages_DeliveredAtUtc_NextAttemptAtUtc",
                table: "WebhookMessages",
                columns: new[] { "DeliveredAtUtc", "NextAttemptAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppSettings");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "WebhookMessages");

            migrationBuilder.DropIndex(
                name: "IX_Notices_State_PublicityEndsAtUtc",
                table: "Notices");

            migrationBuilder.DropIndex(
                name: "IX_Notices_State_ScheduledAtUtc",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "PublicityDayCounts",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "PublicityDays",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "PublicityEndsAtUtc",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "PublicityFrom",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "PublicityMovesEnd",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "PublicityOutcome",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "PublicityPeriod",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "PublicityProvisional",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "PublicityTo",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "PublicityUnit",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "ScheduledAtUtc",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "MoveEndOffHoliday",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "PublicationDayCounts",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "TimelinessLimitDays",
                table: "Categories");
        }
    }
}
