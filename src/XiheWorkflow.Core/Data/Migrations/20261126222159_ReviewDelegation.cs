using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XiheWorkflow.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewDelegation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OnBehalfOfId",
                table: "NoticeEvents",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnBehalfOfName",
                table: "NoticeEvents",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReviewDelegations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DelegatorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DelegatorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DelegateId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DelegateName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDelegations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDelegations_DelegateId_ToDate",
                table: "ReviewDelegations",
                columns: new[] { "DelegateId", "ToDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDelegations_DelegatorId_Role_ToDate",
                table: "ReviewDelegations",
                columns: new[] { "DelegatorId", "Role", "ToDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewDelegations");

            migrationBuilder.DropColumn(
                name: "OnBehalfOfId",
                table: "NoticeEvents");

            migrationBuilder.DropColumn(
                name: "OnBehalfOfName",
                table: "NoticeEvents");
        }
    }
}
