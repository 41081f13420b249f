using Cadre.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <summary>An index on the library's text-search configurations; the EF model is unchanged (the search tables are not in it).</summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261203060000_LibrarySearchConfigIndex")]
    public partial class LibrarySearchConfigIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Cadre.Education.Library.LibrarySearchSql.PostgresConfigUp) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Cadre.Education.Library.LibrarySearchSql.PostgresConfigDown) migrationBuilder.Sql(sql);
        }
    }
}
