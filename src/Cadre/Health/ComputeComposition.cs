using System.Data.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Health;

/// The composition step of the health job (decision 0073): for each day of CompositionCategories.Points, the full members
/// and candidates of every organization by occupation, age band, sex and education, and the year's admissions, summed at
/// every ancestor through the closure table. One day per short transaction (delete and insert), so a reader sees the old
/// day or the new one. The SQL is the same text on SQLite and PostgreSQL; CompositionQueries.MembersAt is the same
/// count as LINQ (the drill-down, and the recount the tests compare the cells with).
public static class ComputeComposition
{
    public sealed record Computed(int Days, int Rows);

    public static async Task<Computed> RunAsync(CadreDbContext db, CancellationToken ct)
    {
        var today = db.Today;
        var points = CompositionCategories.Points(today);
        var rows = 0;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            // Days no longer shown (yesterday's "today", a year that dropped out) go first.
            await using (var stale = Command(connection, null,
                             $"""DELETE FROM "CompositionCells" WHERE "On" NOT IN ({string.Join(", ", points.Select((_, i) => $"@P{i}"))})"""))
            {
                for (var i = 0; i < points.Count; i++) Add(stale, $"@P{i}", points[i]);
                await stale.ExecuteNonQueryAsync(ct);
            }
            foreach (var on in points)
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await using (var delete = Command(connection, transaction, """DELETE FROM "CompositionCells" WHERE "On" = @On"""))
                {
                    Add(delete, "@On", on);
                    await delete.ExecuteNonQueryAsync(ct);
                }
                foreach (var sql in new[] { Rollup(Classified(on == today ? TodayState : PastState)), Rollup(Admitted) })
                {
                    await using var insert = Command(connection, transaction, sql);
                    AddParameters(insert, on);
                    rows += await insert.ExecuteNonQueryAsync(ct);
                }
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new Computed(points.Count, rows);
    }

    private static int Full => (int)MemberStatus.Member;

    private static int Candidate => (int)MemberStatus.Candidate;

    // As things stand: the day of computing is today, so the member's current status and organization are the answer.
    private static string TodayState => $"""
        SELECT m."OrganizationId", m."Status", pe."OccupationId", pe."EducationId", pe."Sex", pe."DateOfBirth"
        FROM "Members" m JOIN "People" pe ON pe."Id" = m."PersonId"
        WHERE m."Status" = {Full} OR m."Status" = {Candidate}
        """;

    // A past day, from the member's history: the status after their last event on or before the day; without one, the status
    // before their first event (or, with no events at all, the current one) if they had joined by then. The organization is
    // the one recorded on their first event after the day (a transfer's event records the organization left), else the current.
    private static string PastState => """
        SELECT COALESCE((SELECT e."OrganizationId" FROM "MembershipEvents" e WHERE e."MemberId" = m."Id" AND e."On" > @On
                         ORDER BY e."On", e."Id" LIMIT 1), m."OrganizationId") AS "OrganizationId",
               COALESCE((SELECT e."StatusAfter" FROM "MembershipEvents" e WHERE e."MemberId" = m."Id" AND e."On" <= @On
                         ORDER BY e."On" DESC, e."Id" DESC LIMIT 1),
                        CASE WHEN m."JoinedOn" <= @On THEN COALESCE((SELECT COALESCE(e."StatusBefore", 0) FROM "MembershipEvents" e
                             WHERE e."MemberId" = m."Id" ORDER BY e."On", e."Id" LIMIT 1), m."Status") END) AS "Status",
               pe."OccupationId", pe."EducationId", pe."Sex", pe."DateOfBirth"
        FROM "Members" m JOIN "People" pe ON pe."Id" = m."PersonId"
        """;

    private static string Classified(string state) => $"""
        SELECT x."OrganizationId", CASE WHEN x."Status" = {Full} THEN {(int)CompositionOf.FullMembers} ELSE {(int)CompositionOf.Candidates} END AS "Of",
               COALESCE(x."OccupationId", 0) AS "Occupation", {Band("x")} AS "Band", COALESCE(x."Sex", 0) AS "Sex",
               COALESCE(x."EducationId", 0) AS "Education"
        FROM ({state}) x WHERE x."Status" = {Full} OR x."Status" = {Candidate}
        """;

    // Admissions and readmissions of the day's year up to the day, where the member then belonged (as the joins indicator).
    private static string Admitted => $"""
        SELECT e."OrganizationId", {(int)CompositionOf.Admissions} AS "Of", COALESCE(pe."OccupationId", 0) AS "Occupation", {Band("pe")} AS "Band",
               COALESCE(pe."Sex", 0) AS "Sex", COALESCE(pe."EducationId", 0) AS "Education"
        FROM "MembershipEvents" e JOIN "Members" m ON m."Id" = e."MemberId" JOIN "People" pe ON pe."Id" = m."PersonId"
        WHERE (e."Kind" = {(int)MembershipEventKind.Admit} OR e."Kind" = {(int)MembershipEventKind.Readmit}) AND e."On" >= @From AND e."On" <= @On
        """;

    // The age band on the day, by comparing the date of birth with the day n years before (CompositionCategories.BandOf).
    private static string Band(string alias)
    {
        var bands = CompositionCategories.AgeFrom;
        var cases = string.Join(" ", Enumerable.Range(1, bands.Length - 1).Select(i => $"""WHEN {alias}."DateOfBirth" > @Born{bands[i]} THEN {i}"""));
        return $"""CASE WHEN {alias}."DateOfBirth" IS NULL THEN 0 {cases} ELSE {bands.Length} END""";
    }

    // Each member's combination of categories counted once per organization, then spread over the four dimensions (so the
    // history above is read once per member, not once per dimension), and summed at every ancestor.
    private static string Rollup(string classified) => $"""
        INSERT INTO "CompositionCells" ("OrganizationId", "On", "Of", "Dimension", "Category", "Members", "OwnMembers")
        SELECT p."AncestorId", @On, o."Of", o."Dimension", o."Category", SUM(o."N"), SUM(CASE WHEN p."Depth" = 0 THEN o."N" ELSE 0 END)
        FROM (SELECT c."OrganizationId", c."Of", d."Dimension",
                     CASE d."Dimension" WHEN {(int)CompositionDimension.Occupation} THEN c."Occupation" WHEN {(int)CompositionDimension.Age} THEN c."Band"
                          WHEN {(int)CompositionDimension.Sex} THEN c."Sex" ELSE c."Education" END AS "Category", c."N"
              FROM (SELECT y."OrganizationId", y."Of", y."Occupation", y."Band", y."Sex", y."Education", COUNT(*) AS "N" FROM ({classified}) y
                    GROUP BY y."OrganizationId", y."Of", y."Occupation", y."Band", y."Sex", y."Education") c
              CROSS JOIN (SELECT {(int)CompositionDimension.Occupation} AS "Dimension" UNION ALL SELECT {(int)CompositionDimension.Age}
                          UNION ALL SELECT {(int)CompositionDimension.Sex} UNION ALL SELECT {(int)CompositionDimension.Education}) d) o
        JOIN "OrganizationPaths" p ON p."DescendantId" = o."OrganizationId"
        GROUP BY p."AncestorId", o."Of", o."Dimension", o."Category"
        """;

    private static void AddParameters(DbCommand command, DateOnly on)
    {
        Add(command, "@On", on);
        if (command.CommandText.Contains("@From", StringComparison.Ordinal)) Add(command, "@From", new DateOnly(on.Year, 1, 1));
        foreach (var age in CompositionCategories.AgeFrom.Skip(1)) Add(command, $"@Born{age}", CompositionCategories.BornAfter(on, age));
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
