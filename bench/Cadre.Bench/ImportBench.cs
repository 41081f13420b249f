using System.Data.Common;
using System.Globalization;
using Cadre.Data;
using Cadre.Members.Import;
using CsvHelper;
using Microsoft.Data.Sqlite;
using Npgsql;

/// The import (timed while the database was built, into a second, fresh database of its own) beside a raw insert of the same rows: the same file read with the
/// same CSV reader, one prepared INSERT, one transaction, into one flat table of the same columns.
internal static class ImportBench
{
    public static async Task<Figure> RunAsync(BenchDatabase database, int rows, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var rawRows = await InsertAsync(database, ct);
        var rawSeconds = watch.Elapsed.TotalSeconds;
        if (rawRows != rows) throw new InvalidOperationException($"The raw insert wrote {rawRows:N0} rows, not {rows:N0}.");
        var importRate = rows / database.ImportSeconds;
        var rawRate = rawRows / rawSeconds;
        var ratio = importRate / rawRate;
        return new Figure($"Import of {rows:N0} members (CSV)",
            string.Create(CultureInfo.InvariantCulture, $"{importRate:N0} rows/s ({database.ImportSeconds:N1} s), peak memory {Memory.Mb(database.PeakBytesAfterImport)}"),
            string.Create(CultureInfo.InvariantCulture, $"raw insert {rawRate:N0} rows/s ({rawSeconds:N1} s)"),
            ratio, "≥ 0.5 of raw insert", ratio >= 0.5)
        {
            Numbers = new()
            {
                ["importRowsPerSecond"] = importRate, ["rawRowsPerSecond"] = rawRate, ["importSeconds"] = database.ImportSeconds,
                ["rawSeconds"] = rawSeconds, ["peakBytes"] = database.PeakBytesAfterImport, ["peakBytesBefore"] = database.PeakBytesBeforeImport,
            },
        };
    }

    private static async Task<int> InsertAsync(BenchDatabase database, CancellationToken ct)
    {
        // SQLite: a file of its own beside the database; PostgreSQL: a table in the benchmark's database, dropped after.
        await using DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection($"Data Source={Path.Combine(database.Folder, "raw.db")}");
        await connection.OpenAsync(ct);
        var columns = MemberCsv.Columns;
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = (database.Provider == DatabaseProvider.Postgres ? "" : "PRAGMA journal_mode=WAL; ")
                + $"CREATE TABLE bench_flat (id {(database.Provider == DatabaseProvider.Postgres ? "serial" : "INTEGER")} PRIMARY KEY, {string.Join(", ", columns.Select(c => $"\"{c}\" text"))})";
            await create.ExecuteNonQueryAsync(ct);
        }
        var count = 0;
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO bench_flat ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
            var parameters = columns.Select((_, i) =>
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = "@p" + i;
                parameter.DbType = System.Data.DbType.String;
                parameter.Value = "";
                insert.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            await insert.PrepareAsync(ct);
            await using var reader = CsvReader.Create(File.OpenRead(database.CsvPath), new CsvReaderOptions { Separator = ',', HasHeader = true });
            while (await reader.ReadAsync(ct))
            {
                for (var i = 0; i < parameters.Length; i++) parameters[i].Value = reader.GetString(i);
                await insert.ExecuteNonQueryAsync(ct);
                count++;
            }
            await transaction.CommitAsync(ct);
        }
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE bench_flat";
            await drop.ExecuteNonQueryAsync(ct);
        }
        return count;
    }
}
