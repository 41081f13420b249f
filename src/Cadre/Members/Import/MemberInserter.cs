using System.Data.Common;
using System.Globalization;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cadre.Members.Import;

/// Writes new people and members with prepared INSERT statements on the context's connection and transaction:
/// a million rows through the change tracker would take minutes. The statements are built from the EF model, so a
/// column another feature adds to Person or Member is written too, converted as EF converts it.
/// On SQLite, where the import's transaction holds the database's write lock from its start, people get their ids
/// from the import (the highest id plus one) and rows go in a few at a time; PostgreSQL returns each new person's id.
internal sealed class MemberInserter : IAsyncDisposable
{
    // Small batches: SQLite finds each named parameter by a linear search, so a statement of many rows costs more per row.
    private const int RowsPerStatement = 8;

    private readonly Statement people;
    private readonly Statement members;
    private readonly Statement? peopleBatch;
    private readonly Statement? membersBatch;
    private readonly List<Member> pending = new(RowsPerStatement);
    private int nextPersonId;

    private MemberInserter(Statement people, Statement members, Statement? peopleBatch, Statement? membersBatch, int nextPersonId)
    {
        this.people = people;
        this.members = members;
        this.peopleBatch = peopleBatch;
        this.membersBatch = membersBatch;
        this.nextPersonId = nextPersonId;
    }

    public static async Task<MemberInserter> CreateAsync(CadreDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk insert runs inside the import's transaction.");
        var person = db.Model.FindEntityType(typeof(Person))!;
        var member = db.Model.FindEntityType(typeof(Member))!;
        if (db.IsPostgres)
        {
            return new MemberInserter(
                await Statement.PrepareAsync(person, connection, transaction, rows: 1, explicitKey: false, ct),
                await Statement.PrepareAsync(member, connection, transaction, rows: 1, explicitKey: false, ct), null, null, 0);
        }
        await using var max = connection.CreateCommand();
        max.Transaction = transaction;
        max.CommandText = "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"People\"";
        var next = Convert.ToInt32(await max.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) + 1;
        return new MemberInserter(
            await Statement.PrepareAsync(person, connection, transaction, rows: 1, explicitKey: true, ct),
            await Statement.PrepareAsync(member, connection, transaction, rows: 1, explicitKey: false, ct),
            await Statement.PrepareAsync(person, connection, transaction, RowsPerStatement, explicitKey: true, ct),
            await Statement.PrepareAsync(member, connection, transaction, RowsPerStatement, explicitKey: false, ct),
            next);
    }

    public async Task InsertAsync(Member member, CancellationToken ct)
    {
        if (peopleBatch is null)
        {
            var personId = Convert.ToInt32(await people.ExecuteAsync([(member.Person, null)], returning: true, ct), CultureInfo.InvariantCulture);
            await members.ExecuteAsync([(member, personId)], returning: false, ct);
            return;
        }
        pending.Add(member);
        if (pending.Count == RowsPerStatement) await FlushAsync(ct);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (pending.Count == 0) return;
        var ids = pending.Select(_ => nextPersonId++).ToList();
        var full = pending.Count == RowsPerStatement;
        var (peopleStatement, membersStatement) = full ? (peopleBatch!, membersBatch!) : (people, members);
        for (var start = 0; start < pending.Count; start += full ? RowsPerStatement : 1)
        {
            var count = full ? RowsPerStatement : 1;
            var slice = Enumerable.Range(start, count).ToList();
            await peopleStatement.ExecuteAsync(slice.Select(i => ((object)pending[i].Person, (object?)ids[i])).ToList(), returning: false, ct);
            await membersStatement.ExecuteAsync(slice.Select(i => ((object)pending[i], (object?)ids[i])).ToList(), returning: false, ct);
        }
        pending.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await people.DisposeAsync();
        await members.DisposeAsync();
        if (peopleBatch is not null) await peopleBatch.DisposeAsync();
        if (membersBatch is not null) await membersBatch.DisposeAsync();
    }

    /// An INSERT of rows rows. The extra value of each row is the person id: the key of a person (explicitKey), the
    /// PersonId of a member.
    private sealed class Statement(DbCommand command, IReadOnlyList<IProperty> properties, IReadOnlyList<DbParameter> parameters,
        IProperty key) : IAsyncDisposable
    {
        public static async Task<Statement> PrepareAsync(IEntityType entity, DbConnection connection, DbTransaction transaction, int rows,
            bool explicitKey, CancellationToken ct)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var key = entity.FindPrimaryKey()!.Properties.Single();
            var properties = entity.GetProperties().Where(p => explicitKey || p != key).ToList();
            var parameters = new List<DbParameter>();
            var values = new List<string>();
            for (var row = 0; row < rows; row++)
            {
                var names = new List<string>();
                foreach (var property in properties)
                {
                    var mapping = (RelationalTypeMapping)property.GetTypeMapping();
                    var parameter = mapping.CreateParameter(command, "@p" + parameters.Count, null, property.IsNullable);
                    command.Parameters.Add(parameter);
                    parameters.Add(parameter);
                    names.Add(parameter.ParameterName);
                }
                values.Add($"({string.Join(", ", names)})");
            }
            var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""));
            // RETURNING reads the same on SQLite (3.35+) and PostgreSQL.
            command.CommandText = $"INSERT INTO \"{entity.GetTableName()}\" ({columns}) VALUES {string.Join(", ", values)}"
                + (explicitKey ? "" : $" RETURNING \"{key.GetColumnName()}\"");
            await command.PrepareAsync(ct);
            return new Statement(command, properties, parameters, key);
        }

        public async Task<object?> ExecuteAsync(IReadOnlyList<(object Entity, object? PersonId)> rows, bool returning, CancellationToken ct)
        {
            var p = 0;
            foreach (var (entity, personId) in rows)
            {
                foreach (var property in properties)
                {
                    var isPersonId = entity is Person ? property == key : property.Name == nameof(Member.PersonId);
                    var value = personId is not null && isPersonId ? personId : property.GetGetter().GetClrValue(entity);
                    if (value is not null && property.GetTypeMapping().Converter is { } converter) value = converter.ConvertToProvider(value);
                    parameters[p++].Value = value ?? DBNull.Value;
                }
            }
            return returning ? await command.ExecuteScalarAsync(ct) : await command.ExecuteNonQueryAsync(ct);
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }
}
