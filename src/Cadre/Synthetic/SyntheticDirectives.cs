using System.Globalization;
using System.Runtime.CompilerServices;
using Cadre.Data;
using Cadre.Directives;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Synthetic;

/// The synthetic party's directives: the centre issues two a year through the history window (and one still open), to the
/// primary organizations, to the districts and primaries, or to the whole tree, each due a month after issue, with a report
/// form of two figures. Assignments are made as the use case makes them (AssignmentSql, one statement); their progress is one
/// UPDATE per directive whose states follow a hash of the assignment's id: of a directive past its date about 60 % accepted,
/// 20 % reported, 5 % returned, the rest in progress, acknowledged or never answered (overdue); of the open one fewer.
/// Dates keep the lifecycle's order (acknowledged, started, reported, reviewed), figures are non-negative, a report "not
/// implemented" has its reason: Assignment's rules by construction.
internal static class SyntheticDirectives
{
    public static readonly string[] Figures = ["members reached", "meetings held"];

    public static async Task<int> SeedAsync(CadreDbContext db, int seed, DateOnly today, DateOnly windowStart, CancellationToken ct)
    {
        var centre = await db.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        var levels = await db.Levels.AsNoTracking().OrderBy(l => l.Rank).Select(l => l.Id).ToListAsync(ct);
        var years = Math.Max(1, (today.DayNumber - windowStart.DayNumber) / 365);
        var count = (2 * years) + 1;
        var span = today.DayNumber - windowStart.DayNumber - 40;
        var written = 0;
        for (var i = 0; i < count; i++)
        {
            var open = i == count - 1;
            var issuedOn = open ? today.AddDays(-10) : windowStart.AddDays(20 + (span * i / Math.Max(count - 1, 1)));
            var dueOn = issuedOn.AddDays(30);
            var (target, targetLevels) = (i % 3) switch
            {
                0 => (DirectiveTarget.Levels, new[] { levels[^1] }),
                1 => (DirectiveTarget.Levels, new[] { levels[^2], levels[^1] }),
                _ => (DirectiveTarget.Subtree, (int[]?)null),
            };
            var issued = Directive.Issue(centre, null, $"Directive {i + 1}/{count}: {Topics[i % Topics.Length]}",
                $"Every organization discusses **{Topics[i % Topics.Length].ToLowerInvariant()}** at its next general meeting and reports.",
                issuedOn, dueOn, reportRequired: true, "Say what was done and what was not.", Figures, target, targetLevels, today);
            if (!issued.IsSuccess) throw new InvalidOperationException($"The synthetic directives broke a rule: {issued.Error.Message}");
            db.Directives.Add(issued.Value);
            await db.SaveChangesAsync(ct);
            var assigned = await AssignmentSql.AssignAsync(db, issued.Value.Id, targetLevels, null, ct);
            DirectiveTargets.Audit(db, issued.Value, assigned, 0);
            await db.SaveChangesAsync(ct);
            written += assigned;
            var past = dueOn < today;
            await ProgressAsync(db, issued.Value.Id, seed + i, past ? PastShares : OpenShares, issuedOn.AddDays(3), issuedOn.AddDays(7),
                Min(dueOn.AddDays(-2), today), Min(dueOn.AddDays(5), today), ct);
        }
        db.ChangeTracker.Clear();
        return written;
    }

    private static readonly string[] Topics = ["Recruitment among young workers", "The dues campaign", "Study of the programme", "Preparing the congress"];

    // Cumulative shares (of 100) of accepted, reported, returned, in progress and acknowledged; the rest stays received.
    private static readonly int[] PastShares = [60, 80, 85, 92, 96];
    private static readonly int[] OpenShares = [5, 25, 25, 45, 75];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static Task<int> ProgressAsync(CadreDbContext db, int directiveId, int seed, int[] shares, DateOnly acknowledged, DateOnly started,
        DateOnly reported, DateOnly reviewed, CancellationToken ct)
    {
        var h = $"((\"Id\" * 7919 + {seed.ToString(CultureInfo.InvariantCulture)}) % 100)";
        var (a, r, ret, p, k) = (shares[0], shares[1], shares[2], shares[3], shares[4]);
        var sql = $"""
            UPDATE "Assignments" SET
              "Status" = CASE WHEN {h} < {a} THEN {(int)AssignmentStatus.Accepted} WHEN {h} < {r} THEN {(int)AssignmentStatus.Reported}
                              WHEN {h} < {ret} THEN {(int)AssignmentStatus.Returned} WHEN {h} < {p} THEN {(int)AssignmentStatus.InProgress}
                              WHEN {h} < {k} THEN {(int)AssignmentStatus.Acknowledged} ELSE {(int)AssignmentStatus.Received} END,
              "AcknowledgedOn" = CASE WHEN {h} < {k} THEN {P(1)} ELSE NULL END,
              "StartedOn" = CASE WHEN {h} < {p} THEN {P(2)} ELSE NULL END,
              "ReportedOn" = CASE WHEN {h} < {ret} THEN {P(3)} ELSE NULL END,
              "Outcome" = CASE WHEN {h} < {ret} THEN (CASE WHEN "Id" % 10 < 7 THEN 1 WHEN "Id" % 10 < 9 THEN 2 ELSE 3 END) ELSE NULL END,
              "Reason" = CASE WHEN {h} < {ret} AND "Id" % 10 = 9 THEN 'No meeting could be held in time.' ELSE NULL END,
              "ReportText" = CASE WHEN {h} < {ret} THEN 'Discussed at the general meeting.' ELSE NULL END,
              "Figure1" = CASE WHEN {h} < {ret} THEN ("Id" * 37) % 150 ELSE NULL END,
              "Figure2" = CASE WHEN {h} < {ret} THEN 1 + "Id" % 3 ELSE NULL END,
              "ReviewedOn" = CASE WHEN {h} < {a} OR ({h} >= {r} AND {h} < {ret}) THEN {P(4)} ELSE NULL END,
              "ReviewNote" = CASE WHEN {h} >= {r} AND {h} < {ret} THEN 'Give the figures by meeting.' ELSE NULL END,
              "Version" = CASE WHEN {h} < {k} THEN 1 ELSE 0 END
            WHERE "RootDirectiveId" = {P(0)}
            """;
        return db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(sql, directiveId, acknowledged, started, reported, reviewed), ct);
    }

    private static string P(int index) => "{" + index.ToString(CultureInfo.InvariantCulture) + "}";
}
