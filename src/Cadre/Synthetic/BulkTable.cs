using System.Data.Common;
using System.Reflection;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cadre.Synthetic;

/// Writes rows of one entity's table without the change tracker: on SQLite one prepared INSERT bound by position
/// (SqliteRowWriter) on the context's connection and transaction, on PostgreSQL a binary COPY. Like the import's MemberInserter, the columns come from the
/// EF model (every mapped, non-shadow property, the key included: the generator gives ids itself) and values are
/// converted as EF converts them, so a column another feature adds is written too.
internal sealed class BulkTable : IAsyncDisposable
{
    private readonly CadreDbContext db;
    private readonly List<IProperty> properties;
    private readonly IClrPropertyGetter[] getters;
    private readonly ValueConverter?[] converters;
    private readonly string tableName;
    private readonly string columns;
    private SqliteRowWriter? writer;

    private readonly Dictionary<string, int> indexes;

    private BulkTable(CadreDbContext db, IEntityType entity)
    {
        this.db = db;
        properties = entity.GetProperties().Where(p => !p.IsShadowProperty()).ToList();
        getters = properties.Select(p => p.GetGetter()).ToArray();
        converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();
        indexes = properties.Select((p, i) => (p.Name, i)).ToDictionary(p => p.Name, p => p.i);
        tableName = entity.GetTableName()!;
        columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""));
    }

    public string TableName => tableName;

    public long Rows { get; private set; }

    public static BulkTable For<T>(CadreDbContext db) => new(db, db.Model.FindEntityType(typeof(T))!);

    /// The row of an entity, in the table's column order, as the database stores it.
    public object?[] Row(object entity)
    {
        var row = new object?[properties.Count];
        for (var i = 0; i < row.Length; i++)
        {
            var value = getters[i].GetClrValue(entity);
            if (value is not null && converters[i] is { } converter) value = converter.ConvertToProvider(value);
            row[i] = value;
        }
        return row;
    }

    /// An empty row to fill with Set, for rows built without an entity.
    public object?[] NewRow() => new object?[properties.Count];

    public void Set(object?[] row, string property, object? value)
    {
        var i = indexes[property];
        if (value is not null && converters[i] is { } converter) value = converter.ConvertToProvider(value);
        row[i] = value;
    }

    public async Task WriteAsync(IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        if (db.IsPostgres) await CopyAsync(rows, ct);
        else await InsertAsync(rows, ct);
        Rows += rows.Count;
    }

    /// PostgreSQL: ids given explicitly leave the identity sequence behind; move it past the highest id.
    public async Task AdvanceIdentityAsync(CancellationToken ct)
    {
        if (!db.IsPostgres) return;
        var key = properties.FirstOrDefault(p => p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey());
        if (key is null) return;
        var column = key.GetColumnName();
#pragma warning disable EF1002 // Table and column names come from the model, not from input.
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT setval(pg_get_serial_sequence('\"{tableName}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{tableName}\"), 0) + 1, false)", ct);
#pragma warning restore EF1002
    }

    private async Task CopyAsync(IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var types = properties.Select(p => StoreTypeName(p.GetRelationalTypeMapping().StoreType)).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{tableName}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(row[i]!, types[i], ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    // "character varying(100)" → "character varying": the COPY names the type, the column keeps its own limits.
    private static string StoreTypeName(string storeType) =>
        storeType.IndexOf('(', StringComparison.Ordinal) is var open and > 0 ? storeType[..open].TrimEnd() : storeType;

    private Task InsertAsync(IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Bulk writes run inside the seed's transaction.");
        writer ??= SqliteRowWriter.Prepare(db.Database.GetDbConnection(), tableName, properties.Select(p => p.GetColumnName()).ToList());
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            writer.Insert(row);
        }
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        writer?.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// Sets the ids the generator gives (entities keep their setters private so that ordinary code cannot).
internal static class Ids
{
    public static T Set<T>(T entity, string property, object value) where T : class
    {
        Setter<T>.For(property).SetValue(entity, value);
        return entity;
    }

    private static class Setter<T>
    {
        private static readonly Dictionary<string, PropertyInfo> Properties = [];

        public static PropertyInfo For(string name)
        {
            lock (Properties)
            {
                if (!Properties.TryGetValue(name, out var info))
                    Properties[name] = info = typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)!;
                return info;
            }
        }
    }
}
