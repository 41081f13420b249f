using Cadre.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <summary>The library's term rows for ranking on PostgreSQL; the EF model is unchanged (the search tables are not in it).</summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261202180000_LibrarySearchTerms")]
    public partial class LibrarySearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Ranking reads term rows instead of the documents' tsvectors (decision 0076); existing documents get theirs in LibrarySearchImpacts.
            foreach (var sql in Cadre.Education.Library.LibrarySearchSql.PostgresTermsUp) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Cadre.Education.Library.LibrarySearchSql.PostgresTermsDown) migrationBuilder.Sql(sql);
        }
    }
}
