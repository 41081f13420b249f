using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Directives;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Demo;

/// The demo party's directives, through the use cases: a recruitment drive to every primary organization (open, a quarter
/// of them reported), a dues campaign to the districts and primaries that is past its date (most reported, the rest overdue),
/// and the study of the programme, which the demo region passed on to its own organizations with an earlier date. The demo
/// branch has the recruitment drive and the study waiting in its inbox. No random draw.
internal static class DemoDirectives
{
    public static async Task SeedAsync(CadreDbContext db, int regionId, int branchId, CancellationToken ct)
    {
        var actor = Actor.System("demo");
        var today = db.Today;
        var centre = await db.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        var levels = await db.Levels.AsNoTracking().OrderBy(l => l.Rank).Select(l => l.Id).ToListAsync(ct);

        var drive = Must(await IssueDirective.HandleAsync(db, actor, new IssueDirective.Request
        {
            IssuerOrganizationId = centre, Title = "Recruitment drive among young workers",
            Text = "Every primary organization holds **one open meeting** for young workers at its workplace before the due date, invites the supporters it knows, and reports how many people it reached and how many applied.",
            IssuedOn = today.AddDays(-20), DueOn = today.AddDays(10), ReportForm = "Say where the meeting was held and what the young workers asked.",
            Figures = ["people reached", "applications received"], Target = DirectiveTarget.Levels, LevelIds = [levels[^1]],
        }, ct)).DirectiveId;
        var dues = Must(await IssueDirective.HandleAsync(db, actor, new IssueDirective.Request
        {
            IssuerOrganizationId = centre, Title = "Dues campaign for the first half-year",
            Text = "Districts and primary organizations talk with every member in arrears and report how many settled.",
            IssuedOn = today.AddDays(-45), DueOn = today.AddDays(-15), Figures = ["members in arrears contacted", "settled"],
            Target = DirectiveTarget.Levels, LevelIds = [levels[^2], levels[^1]],
        }, ct)).DirectiveId;
        var study = Must(await IssueDirective.HandleAsync(db, actor, new IssueDirective.Request
        {
            IssuerOrganizationId = centre, Title = "Study of the programme",
            Text = "Every organization studies the new programme in one general meeting and reports the members present.",
            IssuedOn = today.AddDays(-5), DueOn = today.AddDays(25), Figures = ["members present"], Target = DirectiveTarget.Subtree,
        }, ct)).DirectiveId;

        var regional = await AssignmentAsync(db, study, regionId, ct);
        Must(await AcknowledgeAssignment.HandleAsync(db, actor, regional, ct));
        Must(await PassOnDirective.HandleAsync(db, actor, regional, new PassOnDirective.Request
        {
            Text = "The region's organizations report to the regional committee **a week before** the centre's date, so that the region can sum up.",
            DueOn = today.AddDays(18),
        }, ct));

        await ProgressAsync(db, actor, drive, branchId, i => i % 4 == 0 ? 3 : i % 4 == 1 ? 1 : 0, ct);
        await ProgressAsync(db, actor, dues, branchId, i => i % 5 == 4 ? 0 : i % 3 == 0 ? 1 : 3, ct);
    }

    /// step 0: received; 1: acknowledged and started; 2: reported; 3: reported and (every other one) accepted.
    private static async Task ProgressAsync(CadreDbContext db, Actor actor, int directive, int branchId, Func<int, int> step, CancellationToken ct)
    {
        var ids = await db.Assignments.Where(a => a.DirectiveId == directive && a.OrganizationId != branchId).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        for (var i = 0; i < ids.Count; i++)
        {
            var s = step(i);
            if (s == 0) continue;
            Must(await AcknowledgeAssignment.HandleAsync(db, actor, ids[i], ct));
            Must(await StartAssignment.HandleAsync(db, actor, ids[i], ct));
            if (s < 2) continue;
            Must(await ReportAssignment.HandleAsync(db, actor, ids[i], new ReportAssignment.Request
            {
                Outcome = i % 7 == 3 ? ReportOutcome.Partly : ReportOutcome.Implemented, Text = "Held as asked; details in the minutes.",
                Figures = [10 + ((i * 13) % 40), (i * 7) % 6],
            }, ct));
            if (s == 3 && i % 2 == 0) Must(await AcceptReport.HandleAsync(db, actor, ids[i], new AcceptReport.Request(), ct));
        }
    }

    private static Task<long> AssignmentAsync(CadreDbContext db, int directive, int organizationId, CancellationToken ct) =>
        db.Assignments.Where(a => a.RootDirectiveId == directive && a.OrganizationId == organizationId).Select(a => a.Id).SingleAsync(ct);

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The demo directives broke a rule: {result.Error.Message}");
}
