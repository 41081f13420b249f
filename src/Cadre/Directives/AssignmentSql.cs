using System.Globalization;
using System.Runtime.CompilerServices;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Directives;

/// Assignments are created in one INSERT … SELECT from the closure table (decision 0040): a directive to 50,000 organizations
/// is one statement, not 50,000 tracked entities. The same SQL runs on both engines.
internal static class AssignmentSql
{
    /// Assigns the directive to every active organization strictly below its issuer that the filter keeps and that holds no
    /// assignment of the chain yet. levelIds and organizationIds are integers the caller has checked, inlined as literals.
    public static Task<int> AssignAsync(CadreDbContext db, int directiveId, IReadOnlyList<int>? levelIds, IReadOnlyList<int>? organizationIds,
        CancellationToken ct)
    {
        var filter = "";
        if (levelIds is { Count: > 0 }) filter += $" AND o.\"LevelId\" IN ({List(levelIds)})";
        if (organizationIds is { Count: > 0 }) filter += $" AND o.\"Id\" IN ({List(organizationIds)})";
        // The chain's existing assignments are read once, into a materialized CTE, before the insert starts. A correlated
        // NOT EXISTS on "Assignments" itself let PostgreSQL, whose statistics said the table was empty, plan a scan of the
        // table per organization, and that scan walked the pages this very statement was writing: quadratic at 450,000
        // primary organizations.
        var sql = $"""
            WITH held AS MATERIALIZED (
              SELECT x."OrganizationId" FROM "Assignments" x
              JOIN "Directives" r ON x."RootDirectiveId" = COALESCE(r."RootDirectiveId", r."Id")
              WHERE r."Id" = {Placeholder})
            INSERT INTO "Assignments" ("DirectiveId", "RootDirectiveId", "OrganizationId", "LevelId", "DueOn", "Status", "SummarisesSubtree", "Version")
            SELECT d."Id", COALESCE(d."RootDirectiveId", d."Id"), o."Id", o."LevelId", d."DueOn", {(int)AssignmentStatus.Received}, {False(db)}, 0
            FROM "Directives" d
            JOIN "OrganizationPaths" p ON p."AncestorId" = d."IssuerOrganizationId" AND p."Depth" > 0
            JOIN "Organizations" o ON o."Id" = p."DescendantId"
            WHERE d."Id" = {Placeholder} AND o."Status" = {(int)OrganizationStatus.Active}{filter}
              AND NOT EXISTS (SELECT 1 FROM held h WHERE h."OrganizationId" = o."Id")
            """;
        return db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(sql, directiveId), ct);
    }

    private const string Placeholder = "{0}";

    private static string False(CadreDbContext db) => db.IsPostgres ? "FALSE" : "0";

    private static string List(IReadOnlyList<int> ids) => string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
