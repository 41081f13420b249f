using System.Data.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cadre.Members.Import;

/// Writes new people and members with two prepared INSERT statements on the context's connection and transaction:
/// a million rows through the change tracker would take minutes. The statements are built from the EF model, so a
/// column another feature adds to Person or Member is written too, converted as EF converts it.
internal sealed class MemberInserter : IAsyncDisposable
{
    private readonly Statement people;
    private readonly Statement members;

    private MemberInserter(Statement people, Statement members)
    {
        this.people = people;
        this.members = members;
    }

    public static async Task<MemberInserter> CreateAsync(CadreDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk insert runs inside the import's transaction.");
        return new MemberInserter(
            await Statement.PrepareAsync(db.Model.FindEntityType(typeof(Person))!, connection, transaction, ct),
            await Statement.PrepareAsync(db.Model.FindEntityType(typeof(Member))!, connection, transaction, ct));
    }

    public async Task InsertAsync(Member member, CancellationToken ct)
    {
        var personId = await people.InsertAsync(member.Person, null, ct);
        await members.InsertAsync(member, (nameof(Member.PersonId), personId), ct);
    }

    public async ValueTask DisposeAsync()
    {
        await people.DisposeAsync();
        await members.DisposeAsync();
    }

    private sealed class Statement(DbCommand command, IReadOnlyList<(IProperty Property, DbParameter Parameter)> columns) : IAsyncDisposable
    {
        public static async Task<Statement> PrepareAsync(IEntityType entity, DbConnection connection, DbTransaction transaction, CancellationToken ct)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var key = entity.FindPrimaryKey()!.Properties.Single();
            var columns = new List<(IProperty, DbParameter)>();
            foreach (var property in entity.GetProperties().Where(p => p != key))
            {
                var mapping = (RelationalTypeMapping)property.GetTypeMapping();
                var parameter = mapping.CreateParameter(command, "@p" + columns.Count, null, property.IsNullable);
                command.Parameters.Add(parameter);
                columns.Add((property, parameter));
            }
            var names = string.Join(", ", columns.Select(c => $"\"{c.Item1.GetColumnName()}\""));
            var values = string.Join(", ", columns.Select(c => c.Item2.ParameterName));
            // RETURNING reads the same on SQLite (3.35+) and PostgreSQL.
            command.CommandText = $"INSERT INTO \"{entity.GetTableName()}\" ({names}) VALUES ({values}) RETURNING \"{key.GetColumnName()}\"";
            await command.PrepareAsync(ct);
            return new Statement(command, columns);
        }

        public async Task<int> InsertAsync(object entity, (string Name, object Value)? given, CancellationToken ct)
        {
            foreach (var (property, parameter) in columns)
            {
                var value = given is { } g && g.Name == property.Name ? g.Value : property.GetGetter().GetClrValue(entity);
                if (value is not null && property.GetTypeMapping().Converter is { } converter) value = converter.ConvertToProvider(value);
                parameter.Value = value ?? DBNull.Value;
            }
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }
}
