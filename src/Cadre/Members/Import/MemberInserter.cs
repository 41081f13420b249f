using System.Data.Common;
using System.Globalization;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Cadre.Members.Import;

/// Writes new people and members without the change tracker (a million rows through it would take minutes), on the
/// context's connection and transaction. The columns come from the EF model, so a column another feature adds to
/// Person or Member is written too, converted as EF converts it.
/// On SQLite, where the import's transaction holds the database's write lock from its start, people get their ids from
/// the import (the highest id plus one) and rows are bound by position (SqliteRowWriter). On PostgreSQL a batch of rows
/// is held until FlushAsync, then its people get ids drawn from their identity sequence in one query and both tables
/// are written by binary COPY: one round trip per table and batch instead of two per row.
internal sealed class MemberInserter : IAsyncDisposable
{
    private readonly Columns people;
    private readonly Columns members;
    private readonly SqliteRowWriter? sqlitePeople;
    private readonly SqliteRowWriter? sqliteMembers;
    private readonly NpgsqlConnection? postgres;
    private readonly List<Member> held = [];
    private int nextPersonId;

    private MemberInserter(Columns people, Columns members, SqliteRowWriter? sqlitePeople, SqliteRowWriter? sqliteMembers,
        NpgsqlConnection? postgres, int nextPersonId)
    {
        this.people = people;
        this.members = members;
        this.sqlitePeople = sqlitePeople;
        this.sqliteMembers = sqliteMembers;
        this.postgres = postgres;
        this.nextPersonId = nextPersonId;
    }

    public static async Task<MemberInserter> CreateAsync(CadreDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk insert runs inside the import's transaction.");
        if (db.IsPostgres)
        {
            var people = Columns.Of(db.Model.FindEntityType(typeof(Person))!, withKey: true, foreignKey: null);
            var members = Columns.Of(db.Model.FindEntityType(typeof(Member))!, withKey: false, foreignKey: nameof(Member.PersonId));
            return new MemberInserter(people, members, null, null, (NpgsqlConnection)connection, 0);
        }
        var sqlitePeople = Columns.Of(db.Model.FindEntityType(typeof(Person))!, withKey: true, foreignKey: null);
        var sqliteMembers = Columns.Of(db.Model.FindEntityType(typeof(Member))!, withKey: false, foreignKey: nameof(Member.PersonId));
        await using var max = connection.CreateCommand();
        max.Transaction = transaction;
        max.CommandText = "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"People\"";
        var next = Convert.ToInt32(await max.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) + 1;
        return new MemberInserter(sqlitePeople, sqliteMembers, sqlitePeople.Writer(connection), sqliteMembers.Writer(connection), null, next);
    }

    /// Writes the member now on SQLite; on PostgreSQL holds it for the next FlushAsync.
    public void Insert(Member member)
    {
        if (sqlitePeople is null)
        {
            held.Add(member);
            return;
        }
        var personId = nextPersonId++;
        sqlitePeople.Insert(people.Values(member.Person, personId));
        sqliteMembers!.Insert(members.Values(member, personId));
    }

    /// Writes the members held since the last flush (PostgreSQL); the import flushes after each batch.
    public async Task FlushAsync(CancellationToken ct)
    {
        if (held.Count == 0) return;
        var ids = new List<int>(held.Count);
        await using (var reserve = postgres!.CreateCommand())
        {
            // nextval per row: the ids are the sequence's, so registrations beside and after the import never meet them.
            reserve.CommandText = "SELECT nextval(pg_get_serial_sequence('\"People\"', 'Id'))::integer FROM generate_series(1, $1)";
            reserve.Parameters.Add(new NpgsqlParameter<int> { TypedValue = held.Count });
            await using var reader = await reserve.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt32(0));
        }
        await CopyAsync(people, Enumerable.Range(0, held.Count).Select(i => people.Values(held[i].Person, ids[i])), ct);
        await CopyAsync(members, Enumerable.Range(0, held.Count).Select(i => members.Values(held[i], ids[i])), ct);
        held.Clear();
    }

    private async Task CopyAsync(Columns columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var writer = await postgres!.BeginBinaryImportAsync(
            $"COPY \"{columns.Entity.GetTableName()}\" ({string.Join(", ", columns.Properties.Select(p => $"\"{p.GetColumnName()}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(row[i]!, columns.StoreTypes[i], ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    public ValueTask DisposeAsync()
    {
        sqlitePeople?.Dispose();
        sqliteMembers?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// An entity's columns with their getters and converters looked up once, and one values array reused for every row.
    /// The given id goes into the key (withKey) or into the named foreign key.
    private sealed class Columns
    {
        private readonly IClrPropertyGetter[] getters;
        private readonly ValueConverter?[] converters;
        private readonly int givenAt;
        private readonly object?[] values;

        private Columns(IEntityType entity, List<IProperty> properties, int givenAt)
        {
            Entity = entity;
            Properties = properties;
            getters = properties.Select(p => p.GetGetter()).ToArray();
            converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();
            StoreTypes = properties.Select(p => StoreTypeName(p.GetRelationalTypeMapping().StoreType)).ToArray();
            this.givenAt = givenAt;
            values = new object?[properties.Count];
        }

        public IEntityType Entity { get; }

        public List<IProperty> Properties { get; }

        /// The PostgreSQL type a binary COPY names for each column.
        public string[] StoreTypes { get; }

        // "character varying(100)" → "character varying": the COPY names the type, the column keeps its own limits.
        private static string StoreTypeName(string storeType) =>
            storeType.IndexOf('(', StringComparison.Ordinal) is var open and > 0 ? storeType[..open].TrimEnd() : storeType;

        public static Columns Of(IEntityType entity, bool withKey, string? foreignKey)
        {
            var key = entity.FindPrimaryKey()!.Properties.Single();
            var properties = entity.GetProperties().Where(p => withKey || p != key).ToList();
            var givenAt = properties.FindIndex(p => withKey ? p == key : p.Name == foreignKey);
            return new Columns(entity, properties, givenAt);
        }

        public SqliteRowWriter Writer(DbConnection connection) => SqliteRowWriter.Prepare(connection, Entity.GetTableName()!,
            Properties.Select(p => p.GetColumnName()).ToList());

        public object?[] Values(object entity, int? given)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var value = i == givenAt && given is not null ? given : getters[i].GetClrValue(entity);
                if (value is not null && converters[i] is { } converter && i != givenAt) value = converter.ConvertToProvider(value);
                values[i] = value;
            }
            return values;
        }
    }
}
