using System.Data.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cadre.Members.Import;

/// Drops the secondary indexes of the People and Members tables (or of the tables named) inside the caller's transaction and creates them
/// again, from their own stored definitions (sqlite_master, pg_indexes), once the rows are in: one sort per index instead of a B-tree
/// insert per row. Indexes that back a constraint (primary keys, foreign keys' targets) stay. Both engines' DDL is transactional, so
/// if the load fails the rollback brings the indexes back as they were.
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
        var names = string.Join(", ", tables.Select(t => $"'{t}'"));
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = db.IsPostgres
                ? "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename IN (" + names + ") "
                  + "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)"
                // Indexes without SQL are the tables' own (primary keys); those stay.
                : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (" + names + ") AND sql IS NOT NULL";
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
