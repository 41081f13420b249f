using System.Data.Common;
using System.Globalization;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cadre.Members.Import;

/// Writes new people and members without the change tracker (a million rows through it would take minutes), on the
/// context's connection and transaction. The columns come from the EF model, so a column another feature adds to
/// Person or Member is written too, converted as EF converts it.
/// On SQLite, where the import's transaction holds the database's write lock from its start, people get their ids from
/// the import (the highest id plus one) and rows are bound by position (SqliteRowWriter); PostgreSQL returns each new
/// person's id from a prepared INSERT.
internal sealed class MemberInserter : IAsyncDisposable
{
    private readonly Columns people;
    private readonly Columns members;
    private readonly SqliteRowWriter? sqlitePeople;
    private readonly SqliteRowWriter? sqliteMembers;
    private readonly Statement? postgresPeople;
    private readonly Statement? postgresMembers;
    private int nextPersonId;

    private MemberInserter(Columns people, Columns members, SqliteRowWriter? sqlitePeople, SqliteRowWriter? sqliteMembers,
        Statement? postgresPeople, Statement? postgresMembers, int nextPersonId)
    {
        this.people = people;
        this.members = members;
        this.sqlitePeople = sqlitePeople;
        this.sqliteMembers = sqliteMembers;
        this.postgresPeople = postgresPeople;
        this.postgresMembers = postgresMembers;
        this.nextPersonId = nextPersonId;
    }

    public static async Task<MemberInserter> CreateAsync(CadreDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk insert runs inside the import's transaction.");
        if (db.IsPostgres)
        {
            var people = Columns.Of(db.Model.FindEntityType(typeof(Person))!, withKey: false, foreignKey: null);
            var members = Columns.Of(db.Model.FindEntityType(typeof(Member))!, withKey: false, foreignKey: nameof(Member.PersonId));
            return new MemberInserter(people, members, null, null,
                await Statement.PrepareAsync(people, connection, transaction, returning: true, ct),
                await Statement.PrepareAsync(members, connection, transaction, returning: false, ct), 0);
        }
        var sqlitePeople = Columns.Of(db.Model.FindEntityType(typeof(Person))!, withKey: true, foreignKey: null);
        var sqliteMembers = Columns.Of(db.Model.FindEntityType(typeof(Member))!, withKey: false, foreignKey: nameof(Member.PersonId));
        await using var max = connection.CreateCommand();
        max.Transaction = transaction;
        max.CommandText = "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"People\"";
        var next = Convert.ToInt32(await max.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) + 1;
        return new MemberInserter(sqlitePeople, sqliteMembers, sqlitePeople.Writer(connection), sqliteMembers.Writer(connection), null, null, next);
    }

    public async Task InsertAsync(Member member, CancellationToken ct)
    {
        if (sqlitePeople is not null)
        {
            var personId = nextPersonId++;
            sqlitePeople.Insert(people.Values(member.Person, personId));
            sqliteMembers!.Insert(members.Values(member, personId));
            return;
        }
        var id = Convert.ToInt32(await postgresPeople!.ExecuteAsync(people.Values(member.Person, null), ct), CultureInfo.InvariantCulture);
        await postgresMembers!.ExecuteAsync(members.Values(member, id), ct);
    }

    public async ValueTask DisposeAsync()
    {
        sqlitePeople?.Dispose();
        sqliteMembers?.Dispose();
        if (postgresPeople is not null) await postgresPeople.DisposeAsync();
        if (postgresMembers is not null) await postgresMembers.DisposeAsync();
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
            this.givenAt = givenAt;
            values = new object?[properties.Count];
        }

        public IEntityType Entity { get; }

        public List<IProperty> Properties { get; }

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

    /// PostgreSQL: a prepared one-row INSERT, returning the new key when asked.
    private sealed class Statement(DbCommand command, IReadOnlyList<DbParameter> parameters) : IAsyncDisposable
    {
        public static async Task<Statement> PrepareAsync(Columns columns, DbConnection connection, DbTransaction transaction, bool returning,
            CancellationToken ct)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var parameters = new List<DbParameter>();
            foreach (var property in columns.Properties)
            {
                var mapping = (RelationalTypeMapping)property.GetTypeMapping();
                var parameter = mapping.CreateParameter(command, "@p" + parameters.Count, null, property.IsNullable);
                command.Parameters.Add(parameter);
                parameters.Add(parameter);
            }
            var key = columns.Entity.FindPrimaryKey()!.Properties.Single();
            command.CommandText = $"INSERT INTO \"{columns.Entity.GetTableName()}\" ({string.Join(", ", columns.Properties.Select(p => $"\"{p.GetColumnName()}\""))}) "
                + $"VALUES ({string.Join(", ", parameters.Select(p => p.ParameterName))})" + (returning ? $" RETURNING \"{key.GetColumnName()}\"" : "");
            await command.PrepareAsync(ct);
            return new Statement(command, parameters);
        }

        public async Task<object?> ExecuteAsync(object?[] values, CancellationToken ct)
        {
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            return await command.ExecuteScalarAsync(ct);
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }
}
