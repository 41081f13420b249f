using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PaperCountsCompositionAndNameIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_FamilyKey",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_FullKey",
                table: "People");

            migrationBuilder.AddColumn<long>(
                name: "PaperAbstain",
                table: "Polls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PaperBallots",
                table: "Polls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PaperEnteredAt",
                table: "Polls",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PaperInvalid",
                table: "Polls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PaperNo",
                table: "Polls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PaperOnly",
                table: "Polls",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "PaperVotes",
                table: "Polls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PaperYes",
                table: "Polls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Paper",
                table: "Ballots",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CompositionCells",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Of = table.Column<int>(type: "INTEGER", nullable: false),
                    Dimension = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Members = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnMembers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompositionCells", x => new { x.OrganizationId, x.On, x.Of, x.Dimension, x.Category });
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_FamilyKey",
                table: "People",
                columns: new[] { "FamilyKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_FullKey",
                table: "People",
                columns: new[] { "FullKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CompositionCells_On",
                table: "CompositionCells",
                column: "On");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompositionCells");

            migrationBuilder.DropIndex(
                name: "IX_People_FamilyKey",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_FullKey",
                table: "People");

            migrationBuilder.DropColumn(
                name: "PaperAbstain",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "PaperBallots",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "PaperEnteredAt",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "PaperInvalid",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "PaperNo",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "PaperOnly",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "PaperVotes",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "PaperYes",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "Paper",
                table: "Ballots");

            migrationBuilder.CreateIndex(
                name: "IX_People_FamilyKey",
                table: "People",
                column: "FamilyKey");

            migrationBuilder.CreateIndex(
                name: "IX_People_FullKey",
                table: "People",
                column: "FullKey");
        }
    }
}
