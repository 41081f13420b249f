using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MemberTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_GivenKey",
                table: "People");

            migrationBuilder.CreateTable(
                name: "MemberTallies",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OccupationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Members = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberTallies", x => new { x.OrganizationId, x.Status, x.OccupationId });
                });

            // Counts below each organization, kept by triggers (decision 0012); filled from the members already stored.
            migrationBuilder.Sql(Cadre.Members.MemberTallySql.Rebuild);
            foreach (var sql in Cadre.Members.MemberTallySql.CreateTriggers(postgres: false)) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Cadre.Members.MemberTallySql.DropTriggers(postgres: false)) migrationBuilder.Sql(sql);
            foreach (var sql in Cadre.Members.MemberTallySql.DropFunctions(postgres: false)) migrationBuilder.Sql(sql);
            migrationBuilder.DropTable(
                name: "MemberTallies");

            migrationBuilder.CreateIndex(
                name: "IX_People_GivenKey",
                table: "People",
                column: "GivenKey");
        }
    }
}
