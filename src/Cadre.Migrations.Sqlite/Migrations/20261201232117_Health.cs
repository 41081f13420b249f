using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Health : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HealthRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Raised = table.Column<int>(type: "INTEGER", nullable: false),
                    Milliseconds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    Base = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnValue = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnBase = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => new { x.OrganizationId, x.Indicator, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "WarningRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Measure = table.Column<int>(type: "INTEGER", nullable: false),
                    Comparison = table.Column<int>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    WindowMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HealthWarnings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Observed = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Threshold = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SeenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SeenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthWarnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthWarnings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HealthWarnings_WarningRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "WarningRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "WarningRules",
                columns: new[] { "Id", "Comparison", "Enabled", "Indicator", "Measure", "Name", "OwnOnly", "Threshold", "Version", "WindowMonths" },
                values: new object[,]
                {
                    { 1, 1, true, "lapses", 3, "More than 5 % of the members lapsed in a year", false, 0.05m, 1, 12 },
                    { 2, 1, true, "secretary_vacant", 2, "The secretary's office is vacant", true, 0m, 1, 1 },
                    { 3, 1, true, "arrears", 1, "More than 20 % of the members in arrears", false, 0.2m, 1, 1 },
                    { 4, 1, true, "candidates_overdue", 1, "More than a quarter of the candidates past their probation", false, 0.25m, 1, 1 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipEvents_Kind_On",
                table: "MembershipEvents",
                columns: new[] { "Kind", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthRuns_FinishedAt",
                table: "HealthRuns",
                column: "FinishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_HealthWarnings_OrganizationId_Status",
                table: "HealthWarnings",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthWarnings_RuleId_Status_OrganizationId",
                table: "HealthWarnings",
                columns: new[] { "RuleId", "Status", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_Indicator_Month",
                table: "IndicatorValues",
                columns: new[] { "Indicator", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HealthRuns");

            migrationBuilder.DropTable(
                name: "HealthWarnings");

            migrationBuilder.DropTable(
                name: "IndicatorValues");

            migrationBuilder.DropTable(
                name: "WarningRules");

            migrationBuilder.DropIndex(
                name: "IX_MembershipEvents_Kind_On",
                table: "MembershipEvents");
        }
    }
}
