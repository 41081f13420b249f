using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HealthMore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "WarningRules",
                columns: new[] { "Id", "Comparison", "Enabled", "Indicator", "Measure", "Name", "OwnOnly", "Threshold", "Version", "WindowMonths" },
                values: new object[,]
                {
                    { 5, 2, true, "general_meetings", 2, "No general meeting for three months", true, 1m, 1, 3 },
                    { 6, 2, true, "attendance_recent", 1, "Attendance below 50 % at the last three general meetings", true, 0.5m, 1, 1 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_StartsAt",
                table: "Meetings",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_DueOn",
                table: "Assignments",
                column: "DueOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Meetings_StartsAt",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_DueOn",
                table: "Assignments");

            migrationBuilder.DeleteData(
                table: "WarningRules",
                keyColumn: "Id",
                keyValue: 5);

            migrationBuilder.DeleteData(
                table: "WarningRules",
                keyColumn: "Id",
                keyValue: 6);
        }
    }
}
