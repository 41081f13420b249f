using Cadre.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <summary>The library's term rows for ranking on PostgreSQL; the EF model is unchanged (the search tables are not in it).</summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261202180000_LibrarySearchTerms")]
    public partial class LibrarySearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing to do on SQLite: FTS5 ranks with bm25 from its own index (decision 0076 is about PostgreSQL).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to do on SQLite: FTS5 ranks with bm25 from its own index (decision 0076 is about PostgreSQL).
        }
    }
}
