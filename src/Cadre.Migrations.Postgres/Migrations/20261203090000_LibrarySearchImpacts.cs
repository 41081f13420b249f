using Cadre.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <summary>The impact of each library term row, in an index of its own; the EF model is unchanged (the search tables are not in it).</summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261203090000_LibrarySearchImpacts")]
    public partial class LibrarySearchImpacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Cadre.Education.Library.LibrarySearchSql.PostgresImpactUp) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Cadre.Education.Library.LibrarySearchSql.PostgresImpactDown) migrationBuilder.Sql(sql);
        }
    }
}
