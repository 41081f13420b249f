using Cadre.Accounts;
using Cadre.Data;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Organizations;

/// "Everything below X" is one indexed query at any depth: the plan of the scoped member query reads the closure
/// table and the members through indexes, never by scanning either table.
public sealed class SubtreeQueryPlanTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_members_of_a_subtree_are_found_through_indexes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var secretary = Arrange.Holding(Role.Secretary, tree.North);

        await using var db = database.Context();
        var scope = secretary.Scope(db, Permission.MembersRead)!;
        var sql = db.Members.Where(m => scope.Contains(m.OrganizationId)).Select(m => m.Id).ToQueryString();

        var plan = await ExplainAsync(db, sql, tree.North);

        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.DoesNotContain("SCAN Members", plan, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SCAN OrganizationPaths", plan, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("INDEX", plan, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
            Assert.Contains("Index", plan, StringComparison.Ordinal);
        }
    }

    private static async Task<string> ExplainAsync(CadreDbContext db, string sql, int root)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestDatabase.Ct);
        var lines = new List<string>();
        if (db.IsPostgres)
        {
            // Tiny test tables make a sequential scan the cheapest plan; forbid it to see whether an index can serve.
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync(TestDatabase.Ct);
        }
        await using var command = connection.CreateCommand();
        // ToQueryString declares the parameters in a header (SQLite: .param set; PostgreSQL: -- comments); keep the
        // statement and put the one parameter, the list of roots, in as a literal.
        var statement = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal) && !l.StartsWith("--", StringComparison.Ordinal)));
        var literal = db.IsPostgres ? $"ARRAY[{root}]::integer[]" : $"'[{root}]'";
        statement = System.Text.RegularExpressions.Regex.Replace(statement, @"@\w*roots\w*", literal);
        command.CommandText = (db.IsPostgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + statement;
        await using var reader = await command.ExecuteReaderAsync(TestDatabase.Ct);
        while (await reader.ReadAsync(TestDatabase.Ct)) lines.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? "");
        return string.Join('\n', lines);
    }
}
