using System.Data.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cadre.Members.Import;

/// SQLite only: drops the indexes of the People and Members tables (or of the tables named) inside the import's transaction and creates them
/// again, from their own stored definitions (sqlite_master), once the rows are in. If the import fails, the
/// transaction's rollback brings them back as they were.
internal sealed class DeferredIndexes
{
    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly List<string> definitions;

    private DeferredIndexes(DbConnection connection, DbTransaction transaction, List<string> definitions)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.definitions = definitions;
    }

    public static async Task<DeferredIndexes> DropAsync(CadreDbContext db, CancellationToken ct, params string[] tables)
    {
        if (tables.Length == 0) tables = ["People", "Members"];
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var indexes = new List<(string Name, string Sql)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            // Indexes without SQL are the tables' own (primary keys); those stay.
            read.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (" + string.Join(", ", tables.Select(t => $"'{t}'")) + ") AND sql IS NOT NULL";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) await ExecuteAsync(connection, transaction, $"DROP INDEX \"{name}\"", ct);
        return new DeferredIndexes(connection, transaction, indexes.Select(i => i.Sql).ToList());
    }

    public async Task RebuildAsync(CancellationToken ct)
    {
        foreach (var sql in definitions) await ExecuteAsync(connection, transaction, sql, ct);
        definitions.Clear();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
