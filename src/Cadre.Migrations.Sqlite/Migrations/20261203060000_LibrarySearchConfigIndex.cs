using Cadre.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <summary>An index on the library's text-search configurations; the EF model is unchanged (the search tables are not in it).</summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261203060000_LibrarySearchConfigIndex")]
    public partial class LibrarySearchConfigIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing to do on SQLite: FTS5 needs no configuration (the index is for PostgreSQL's search).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to do on SQLite: FTS5 needs no configuration (the index is for PostgreSQL's search).
        }
    }
}
