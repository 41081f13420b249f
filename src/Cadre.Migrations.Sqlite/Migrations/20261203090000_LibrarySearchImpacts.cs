using Cadre.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <summary>The impact of each library term row, in an index of its own; the EF model is unchanged (the search tables are not in it).</summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261203090000_LibrarySearchImpacts")]
    public partial class LibrarySearchImpacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing to do on SQLite: FTS5 ranks with its own bm25 (the impacts are for PostgreSQL's search).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to do on SQLite: FTS5 ranks with its own bm25 (the impacts are for PostgreSQL's search).
        }
    }
}
