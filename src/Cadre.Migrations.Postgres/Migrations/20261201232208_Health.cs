using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Cadre.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Raised = table.Column<int>(type: "integer", nullable: false),
                    Milliseconds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Indicator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false),
                    Base = table.Column<int>(type: "integer", nullable: false),
                    OwnValue = table.Column<int>(type: "integer", nullable: false),
                    OwnBase = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => new { x.OrganizationId, x.Indicator, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "WarningRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Indicator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Measure = table.Column<int>(type: "integer", nullable: false),
                    Comparison = table.Column<int>(type: "integer", nullable: false),
                    Threshold = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    WindowMonths = table.Column<int>(type: "integer", nullable: false),
                    OwnOnly = table.Column<bool>(type: "boolean", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HealthWarnings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RuleId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Observed = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    Threshold = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SeenBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
