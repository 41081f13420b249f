using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InternationalParties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Parties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartyFactsId = table.Column<int>(type: "INTEGER", nullable: true),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEnglish = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NameShort = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    NameOther = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FoundedYear = table.Column<int>(type: "INTEGER", nullable: true),
                    DissolvedYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Wikipedia = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Family = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    FamilyKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Parties", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Parties_CountryCode_NameKey",
                table: "Parties",
                columns: new[] { "CountryCode", "NameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Parties_FamilyKey",
                table: "Parties",
                column: "FamilyKey");

            migrationBuilder.CreateIndex(
                name: "IX_Parties_NameKey_Id",
                table: "Parties",
                columns: new[] { "NameKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Parties_PartyFactsId",
                table: "Parties",
                column: "PartyFactsId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Parties");
        }
    }
}
