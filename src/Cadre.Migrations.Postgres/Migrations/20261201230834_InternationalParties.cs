using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartyFactsId = table.Column<int>(type: "integer", nullable: true),
                    CountryCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEnglish = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    NameShort = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    NameOther = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FoundedYear = table.Column<int>(type: "integer", nullable: true),
                    DissolvedYear = table.Column<int>(type: "integer", nullable: true),
                    Wikipedia = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Family = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    FamilyKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true, collation: "C"),
                    Website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NameKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    SearchKey = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
