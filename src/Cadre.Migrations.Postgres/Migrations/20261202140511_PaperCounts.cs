using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PaperCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PaperAbstain",
                table: "Polls",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PaperBallots",
                table: "Polls",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PaperEnteredAt",
                table: "Polls",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PaperInvalid",
                table: "Polls",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PaperNo",
                table: "Polls",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PaperOnly",
                table: "Polls",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "PaperVotes",
                table: "Polls",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PaperYes",
                table: "Polls",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Paper",
                table: "Ballots",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
