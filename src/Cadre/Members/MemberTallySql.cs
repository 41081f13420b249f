using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// The triggers that keep MemberTallies right (decision 0012), for both engines, and the rebuild from scratch.
/// A member counts in the tally of every strict ancestor of their organization (closure rows of depth > 0), so:
/// - a member inserted, deleted, or changed in status, organization or person moves one unit between cells;
/// - a person's occupation changed moves their member between cells;
/// - a closure row added or removed (a subtree moved) adds or removes the descendant's own members at the ancestor.
/// Bulk writers (the synthetic party, a first import into an empty register) suspend the triggers and rebuild at the end.
public static class MemberTallySql
{
    public const string Table = "MemberTallies";

    // SQLite: an upsert from a SELECT needs a WHERE clause before ON CONFLICT (its parser's rule); the SUMs let several
    // rows of one statement meet in one cell, which PostgreSQL's ON CONFLICT refuses unless they are grouped first.
    private const string SqliteUpsert = """
        ON CONFLICT ("OrganizationId", "Status", "OccupationId") DO UPDATE SET "Members" = "Members" + excluded."Members"
        """;

    private static string SqliteDelta(string rows) => $"""
        INSERT INTO "MemberTallies" ("OrganizationId", "Status", "OccupationId", "Members")
        SELECT "OrganizationId", "Status", "OccupationId", SUM("Delta") FROM ({rows}) AS d WHERE 1
        GROUP BY "OrganizationId", "Status", "OccupationId" HAVING SUM("Delta") <> 0
        {SqliteUpsert};
        """;

    // The cells one member occupies, at each strict ancestor of an organization.
    private static string Cells(string member, string sign) => $"""
        SELECT p."AncestorId" AS "OrganizationId", {member}."Status" AS "Status",
               COALESCE((SELECT "OccupationId" FROM "People" WHERE "Id" = {member}."PersonId"), 0) AS "OccupationId", {sign} AS "Delta"
        FROM "OrganizationPaths" p WHERE p."DescendantId" = {member}."OrganizationId" AND p."Depth" > 0
        """;

    // The direct members of a descendant, grouped, counted at one ancestor.
    private static string DirectMembers(string path, string sign) => $"""
        SELECT {path}."AncestorId" AS "OrganizationId", m."Status" AS "Status", COALESCE(pe."OccupationId", 0) AS "OccupationId", {sign} AS "Delta"
        FROM "Members" m JOIN "People" pe ON pe."Id" = m."PersonId"
        WHERE m."OrganizationId" = {path}."DescendantId" AND {path}."Depth" > 0
        """;

    private static string PersonMoves(string occupationOld, string occupationNew) => $"""
        SELECT p."AncestorId" AS "OrganizationId", m."Status" AS "Status", {occupationOld} AS "OccupationId", -1 AS "Delta"
        FROM "Members" m JOIN "OrganizationPaths" p ON p."DescendantId" = m."OrganizationId" AND p."Depth" > 0 WHERE m."PersonId" = NEW."Id"
        UNION ALL
        SELECT p."AncestorId", m."Status", {occupationNew}, 1
        FROM "Members" m JOIN "OrganizationPaths" p ON p."DescendantId" = m."OrganizationId" AND p."Depth" > 0 WHERE m."PersonId" = NEW."Id"
        """;

    private static readonly string[] Triggers =
        ["MemberTallies_member_insert", "MemberTallies_member_delete", "MemberTallies_member_update", "MemberTallies_person_update",
         "MemberTallies_path_insert", "MemberTallies_path_delete"];

    private static readonly (string Trigger, string Table)[] TriggerTables =
        [("MemberTallies_member_insert", "Members"), ("MemberTallies_member_delete", "Members"), ("MemberTallies_member_update", "Members"),
         ("MemberTallies_person_update", "People"), ("MemberTallies_path_insert", "OrganizationPaths"), ("MemberTallies_path_delete", "OrganizationPaths")];

    public static IReadOnlyList<string> CreateTriggers(bool postgres) => postgres ? PostgresTriggers() : SqliteTriggers();

    public static IReadOnlyList<string> DropTriggers(bool postgres) => postgres
        ? [.. TriggerTables.Select(t => $"""DROP TRIGGER IF EXISTS "{t.Trigger}" ON "{t.Table}";""")]
        : [.. Triggers.Select(t => $"""DROP TRIGGER IF EXISTS "{t}";""")];

    /// Drops the PostgreSQL trigger functions too (for a migration's Down).
    public static IReadOnlyList<string> DropFunctions(bool postgres) => postgres
        ? [.. Triggers.Select(t => $"""DROP FUNCTION IF EXISTS "{t}"();""")]
        : [];

    /// Recomputes every tally from the members: first each organization's own members by cell, then those cells at
    /// every strict ancestor (two small groupings instead of one over every member times every ancestor).
    public const string Rebuild = """
        DELETE FROM "MemberTallies";
        INSERT INTO "MemberTallies" ("OrganizationId", "Status", "OccupationId", "Members")
        SELECT p."AncestorId", c."Status", c."OccupationId", SUM(c."Members")
        FROM (SELECT m."OrganizationId", m."Status", COALESCE(pe."OccupationId", 0) AS "OccupationId", COUNT(*) AS "Members"
              FROM "Members" m JOIN "People" pe ON pe."Id" = m."PersonId"
              GROUP BY m."OrganizationId", m."Status", COALESCE(pe."OccupationId", 0)) c
        JOIN "OrganizationPaths" p ON p."DescendantId" = c."OrganizationId" AND p."Depth" > 0
        GROUP BY p."AncestorId", c."Status", c."OccupationId";
        """;

    /// Stops the triggers for a bulk write in the caller's transaction; ResumeAsync puts them back and rebuilds.
    public static async Task SuspendAsync(CadreDbContext db, CancellationToken ct)
    {
        foreach (var sql in DropTriggers(db.IsPostgres)) await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    public static async Task ResumeAsync(CadreDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(Rebuild, ct);
        foreach (var sql in CreateTriggers(db.IsPostgres)) await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    /// At start: if a bulk writer died between suspend and resume (its transaction rolled back, or it ran without one),
    /// the triggers are put back and the tallies rebuilt, so the counts are never silently stale.
    public static async Task EnsureAsync(CadreDbContext db, CancellationToken ct)
    {
        var sql = db.IsPostgres
            ? """SELECT COUNT(*) AS "Value" FROM pg_trigger WHERE tgname LIKE 'MemberTallies_%' AND NOT tgisinternal"""
            : """SELECT COUNT(*) AS "Value" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'MemberTallies_%'""";
        var present = await db.Database.SqlQueryRaw<int>(sql).SingleAsync(ct);
        if (present == Triggers.Length) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SuspendAsync(db, ct);
        await ResumeAsync(db, ct);
        await transaction.CommitAsync(ct);
    }

    private static string[] SqliteTriggers() =>
    [
        $"""
        CREATE TRIGGER "MemberTallies_member_insert" AFTER INSERT ON "Members" BEGIN
        {SqliteDelta(Cells("NEW", "1"))}
        END;
        """,
        $"""
        CREATE TRIGGER "MemberTallies_member_delete" AFTER DELETE ON "Members" BEGIN
        {SqliteDelta(Cells("OLD", "-1"))}
        END;
        """,
        $"""
        CREATE TRIGGER "MemberTallies_member_update" AFTER UPDATE OF "Status", "OrganizationId", "PersonId" ON "Members"
        WHEN OLD."Status" <> NEW."Status" OR OLD."OrganizationId" <> NEW."OrganizationId" OR OLD."PersonId" <> NEW."PersonId" BEGIN
        {SqliteDelta(Cells("OLD", "-1") + " UNION ALL " + Cells("NEW", "1"))}
        END;
        """,
        $"""
        CREATE TRIGGER "MemberTallies_person_update" AFTER UPDATE OF "OccupationId" ON "People"
        WHEN COALESCE(OLD."OccupationId", 0) <> COALESCE(NEW."OccupationId", 0) BEGIN
        {SqliteDelta(PersonMoves("""COALESCE(OLD."OccupationId", 0)""", """COALESCE(NEW."OccupationId", 0)"""))}
        END;
        """,
        $"""
        CREATE TRIGGER "MemberTallies_path_insert" AFTER INSERT ON "OrganizationPaths" WHEN NEW."Depth" > 0 BEGIN
        {SqliteDelta(DirectMembers("NEW", "1"))}
        END;
        """,
        $"""
        CREATE TRIGGER "MemberTallies_path_delete" AFTER DELETE ON "OrganizationPaths" WHEN OLD."Depth" > 0 BEGIN
        {SqliteDelta(DirectMembers("OLD", "-1"))}
        END;
        """,
    ];

    private static string PostgresDelta(string rows) => $"""
        INSERT INTO "MemberTallies" ("OrganizationId", "Status", "OccupationId", "Members")
        SELECT "OrganizationId", "Status", "OccupationId", SUM("Delta") FROM ({rows}) AS d
        GROUP BY "OrganizationId", "Status", "OccupationId" HAVING SUM("Delta") <> 0
        ORDER BY "OrganizationId", "Status", "OccupationId"
        ON CONFLICT ("OrganizationId", "Status", "OccupationId") DO UPDATE SET "Members" = "MemberTallies"."Members" + excluded."Members";
        """;

    // One function per trigger, each a row trigger. The ORDER BY above takes the cells' row locks in one order, so two
    // transactions changing members of one district wait for each other instead of deadlocking.
    private static string[] PostgresTriggers() =>
    [
        PostgresTrigger("MemberTallies_member_insert", "AFTER INSERT ON \"Members\"", null, PostgresDelta(Cells("NEW", "1"))),
        PostgresTrigger("MemberTallies_member_delete", "AFTER DELETE ON \"Members\"", null, PostgresDelta(Cells("OLD", "-1"))),
        PostgresTrigger("MemberTallies_member_update", "AFTER UPDATE OF \"Status\", \"OrganizationId\", \"PersonId\" ON \"Members\"",
            """OLD."Status" <> NEW."Status" OR OLD."OrganizationId" <> NEW."OrganizationId" OR OLD."PersonId" <> NEW."PersonId" """,
            PostgresDelta(Cells("OLD", "-1") + " UNION ALL " + Cells("NEW", "1"))),
        PostgresTrigger("MemberTallies_person_update", "AFTER UPDATE OF \"OccupationId\" ON \"People\"",
            """COALESCE(OLD."OccupationId", 0) <> COALESCE(NEW."OccupationId", 0)""",
            PostgresDelta(PersonMoves("""COALESCE(OLD."OccupationId", 0)""", """COALESCE(NEW."OccupationId", 0)"""))),
        PostgresTrigger("MemberTallies_path_insert", "AFTER INSERT ON \"OrganizationPaths\"", """NEW."Depth" > 0""",
            PostgresDelta(DirectMembers("NEW", "1"))),
        PostgresTrigger("MemberTallies_path_delete", "AFTER DELETE ON \"OrganizationPaths\"", """OLD."Depth" > 0""",
            PostgresDelta(DirectMembers("OLD", "-1"))),
    ];

    private static string PostgresTrigger(string name, string when, string? condition, string body) => $"""
        CREATE OR REPLACE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
        {body}
        RETURN NULL;
        END $fn$;
        CREATE TRIGGER "{name}" {when} FOR EACH ROW {(condition is null ? "" : $"WHEN ({condition}) ")}EXECUTE FUNCTION "{name}"();
        """;
}
