using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cadre.Data;

/// One prepared INSERT on SQLite, bound by position straight through SQLitePCL on the connection's own handle (so inside
/// its transaction). For bulk writes only: Microsoft.Data.Sqlite looks up every named parameter of every execution by a
/// linear search through the statement's names and wraps each call in handle bookkeeping, which at tens of millions of
/// values costs more than SQLite's own work. Values are bound exactly as Microsoft.Data.Sqlite binds them (the same
/// text formats for dates, times, decimals and Guids), so what EF reads back is what EF would have written.
internal sealed class SqliteRowWriter : IDisposable
{
    private readonly sqlite3 handle;
    private readonly sqlite3_stmt statement;
    private readonly int columns;

    private SqliteRowWriter(sqlite3 handle, sqlite3_stmt statement, int columns)
    {
        this.handle = handle;
        this.statement = statement;
        this.columns = columns;
    }

    public static SqliteRowWriter Prepare(DbConnection connection, string table, IReadOnlyList<string> columns)
    {
        var handle = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The connection is not open.");
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        return new SqliteRowWriter(handle, statement, columns.Count);
    }

    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(handle);

    /// Inserts one row; values are in column order, already converted to the provider's types (EF's value converters).
    public void Insert(IReadOnlyList<object?> values)
    {
        if (values.Count != columns) throw new ArgumentException($"{values.Count} values for {columns} columns.", nameof(values));
        for (var i = 0; i < columns; i++) Check(handle, Bind(i + 1, values[i]));
        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE) Check(handle, step);
    }

    private int Bind(int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        string s => raw.sqlite3_bind_text(statement, index, s),
        int n => raw.sqlite3_bind_int64(statement, index, n),
        long n => raw.sqlite3_bind_int64(statement, index, n),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        short n => raw.sqlite3_bind_int64(statement, index, n),
        byte n => raw.sqlite3_bind_int64(statement, index, n),
        sbyte n => raw.sqlite3_bind_int64(statement, index, n),
        ushort n => raw.sqlite3_bind_int64(statement, index, n),
        uint n => raw.sqlite3_bind_int64(statement, index, n),
        ulong n => raw.sqlite3_bind_int64(statement, index, unchecked((long)n)),
        double d => raw.sqlite3_bind_double(statement, index, d),
        float f => raw.sqlite3_bind_double(statement, index, f),
        decimal d => raw.sqlite3_bind_text(statement, index, d.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        char c => raw.sqlite3_bind_text(statement, index, c.ToString()),
        DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        DateTime d => raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        DateTimeOffset d => raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        TimeOnly t => raw.sqlite3_bind_text(statement, index,
            t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? @"HH\:mm\:ss" : @"HH\:mm\:ss.fffffff", CultureInfo.InvariantCulture)),
        TimeSpan t => raw.sqlite3_bind_text(statement, index, t.ToString("c", CultureInfo.InvariantCulture)),
        Guid g => raw.sqlite3_bind_text(statement, index, g.ToString().ToUpperInvariant()),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new NotSupportedException($"A bulk write cannot bind a value of type {value.GetType().Name}."),
    };

    private static void Check(sqlite3 handle, int code)
    {
        if (code is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        SqliteException.ThrowExceptionForRC(code, handle);
    }

    public void Dispose() => statement.Dispose();
}
