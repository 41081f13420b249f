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
    /// The import against the raw insert timed right before and right after it (their mean), so that both see about the
    /// same load of this shared machine.
    public static Figure Figure(BenchDatabase database, int rows)
    {
        var rawSeconds = database.RawSeconds.Average();
        var importRate = rows / database.ImportSeconds;
        var rawRate = rows / rawSeconds;
        var ratio = importRate / rawRate;
        var phases = string.Join(", ", database.ImportPhases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase.ToLowerInvariant()} {p.Seconds:N1} s")));
        var rawCpu = database.RawCpuSeconds.Average();
        return new Figure($"Import of {rows:N0} members (CSV)",
            string.Create(CultureInfo.InvariantCulture,
                $"{importRate:N0} rows/s ({database.ImportSeconds:N1} s: {phases}; {database.ImportCpuSeconds:N1} s of CPU), peak memory {Memory.Mb(database.PeakBytesAfterImport)}"),
            string.Create(CultureInfo.InvariantCulture,
                $"raw insert {rawRate:N0} rows/s ({string.Join(" and ", database.RawSeconds.Select(r => r.ToString("N1", CultureInfo.InvariantCulture)))} s before and after; {rawCpu:N1} s of CPU)"),
            ratio, "≥ 0.5 of raw insert", ratio >= 0.5)
        {
            Numbers = new()
            {
                ["importRowsPerSecond"] = importRate, ["rawRowsPerSecond"] = rawRate, ["importSeconds"] = database.ImportSeconds,
                ["rawSeconds"] = rawSeconds, ["importCpuSeconds"] = database.ImportCpuSeconds, ["rawCpuSeconds"] = rawCpu, ["peakBytes"] = database.PeakBytesAfterImport, ["peakBytesBefore"] = database.PeakBytesBeforeImport,
            },
        };
    }

    /// One raw insert of every row of the CSV into a fresh flat table; returns its seconds.
    public static async Task<double> RawInsertAsync(BenchDatabase database, int rows, string name, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var rawRows = await InsertAsync(database, name, ct);
        var seconds = watch.Elapsed.TotalSeconds;
        if (rawRows != rows) throw new InvalidOperationException($"The raw insert wrote {rawRows:N0} rows, not {rows:N0}.");
        return seconds;
    }

    private static async Task<int> InsertAsync(BenchDatabase database, string name, CancellationToken ct)
    {
        // SQLite: a file of its own beside the database; PostgreSQL: a table in the benchmark's database, dropped after.
        await using DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection($"Data Source={Path.Combine(database.Folder, name + ".db")}");
        await connection.OpenAsync(ct);
        var columns = MemberCsv.Columns;
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = (database.Provider == DatabaseProvider.Postgres ? "" : "PRAGMA journal_mode=WAL; ")
                + $"CREATE TABLE {name} (id {(database.Provider == DatabaseProvider.Postgres ? "serial" : "INTEGER")} PRIMARY KEY, {string.Join(", ", columns.Select(c => $"\"{c}\" text"))})";
            await create.ExecuteNonQueryAsync(ct);
        }
        var count = 0;
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {name} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
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
            drop.CommandText = $"DROP TABLE {name}";
            await drop.ExecuteNonQueryAsync(ct);
        }
        return count;
    }
}
