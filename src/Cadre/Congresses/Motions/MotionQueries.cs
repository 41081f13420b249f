using Cadre.Accounts;
using Cadre.Common;
using Cadre.Congresses.Polls;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses.Motions;

public sealed record MotionRules(DateTime? MotionsDueAt, DateTime? AmendmentsDueAt, int MotionSupporters, bool MotionsOpen, bool AmendmentsOpen);

public sealed record MotionSummary(int Id, int Number, string Title, string SubmittedBy, MotionStatus Status, int Supporters, bool HasSupport,
    int Amendments, int AmendmentsPending);

public sealed record MotionLine(int Number, string Text);

public sealed record AmendmentView(int Id, int Number, AmendmentKind Kind, int FromLine, int ToLine, string Text, string? Reason, string SubmittedBy,
    DateTime SubmittedAt, AmendmentStatus Status, Recommendation Recommendation, string? ModifiedText, string? RecommendationNote, long? Yes, long? No,
    long? Abstain, string? VoteReason, bool AdoptedModified, IReadOnlyList<DiffRow> Diff, IReadOnlyList<DiffRow>? ModifiedDiff, bool CanWithdraw)
{
    public string Where => Kind switch
    {
        AmendmentKind.Insert => FromLine == 0 ? "insert before line 1" : $"insert after line {FromLine}",
        AmendmentKind.Delete => FromLine == ToLine ? $"delete line {FromLine}" : $"delete lines {FromLine}–{ToLine}",
        _ => FromLine == ToLine ? $"replace line {FromLine}" : $"replace lines {FromLine}–{ToLine}",
    };
}

public sealed record MotionVersionView(int Number, string Text, string Note, DateTime CreatedAt);

public sealed record MotionDetail(int Id, int CongressId, int Number, string Title, string? Reason, string SubmittedBy, DateTime SubmittedAt,
    MotionStatus Status, IReadOnlyList<MotionLine> Lines, IReadOnlyList<string> Supporters, int MinimumSupporters, bool HasSupport,
    IReadOnlyList<AmendmentView> Amendments, IReadOnlyList<MotionVersionView> Versions, IReadOnlyList<DiffRow> MergedDiff, long? Yes, long? No,
    long? Abstain, string? VoteReason, MotionRules Rules, bool CanManage, bool IsDelegate, bool Supporting, bool IsMover, bool CanWithdraw);

public static class MotionQueries
{
    private const int Context = 2;

    public static async Task<Result<List<MotionSummary>>> ListAsync(CadreDbContext db, Actor actor, int congressId, CancellationToken ct)
    {
        var congress = await MotionAccess.CongressAsync(db, actor, congressId, ct);
        if (!congress.IsSuccess) return congress.Error;
        var minimum = congress.Value.MotionSupporters;
        var rows = await db.Motions.AsNoTracking().Where(m => m.CongressId == congressId).OrderBy(m => m.Number)
            .Select(m => new
            {
                m.Id, m.Number, m.Title, m.SubmittedBy, m.Status, ByDelegate = m.SubmittedByDelegateId != null, Supporters = m.Supporters.Count,
                Amendments = m.Amendments.Count, Pending = m.Amendments.Count(a => a.Status == AmendmentStatus.Submitted),
            }).ToListAsync(ct);
        return rows.Select(r => new MotionSummary(r.Id, r.Number, r.Title, r.SubmittedBy, r.Status, r.Supporters, !r.ByDelegate || r.Supporters >= minimum,
            r.Amendments, r.Pending)).ToList();
    }

    public static async Task<Result<MotionRules>> RulesAsync(CadreDbContext db, Actor actor, int congressId, CancellationToken ct)
    {
        var congress = await MotionAccess.CongressAsync(db, actor, congressId, ct);
        return congress.IsSuccess ? RulesOf(congress.Value, db.Now) : congress.Error;
    }

    public static async Task<Result<MotionDetail>> GetAsync(CadreDbContext db, Actor actor, int motionId, CancellationToken ct)
    {
        var found = await MotionAccess.ReadAsync(db, actor, motionId, ct);
        if (!found.IsSuccess) return found.Error;
        var m = found.Value;
        var congress = await db.Congresses.AsNoTracking().SingleAsync(c => c.Id == m.CongressId, ct);
        var canManage = await actor.CanAsync(db, Permission.MotionsManage, m.OrganizationId, ct);
        var mine = await PollAccess.DelegateOfAsync(db, actor, m.CongressId, ct);
        var supporterIds = m.Supporters.Select(s => s.DelegateId).ToList();
        var supporters = await db.CongressDelegates.AsNoTracking().Where(d => supporterIds.Contains(d.Id))
            .Join(db.Members, d => d.MemberId, x => x.Id, (d, x) => x.Person.GivenName + " " + x.Person.FamilyName).ToListAsync(ct);
        var lines = m.Lines;
        var amendments = new List<AmendmentView>();
        foreach (var a in m.Amendments.OrderBy(a => a.Number))
        {
            var diff = LineDiff.Around(LineDiff.Compute(lines, MotionText.Apply(lines, [a.Change])), Context);
            var modified = a.ModifiedText is null ? null : LineDiff.Around(LineDiff.Compute(lines, MotionText.Apply(lines, [a.VotedChange])), Context);
            var canWithdraw = a.Status == AmendmentStatus.Submitted && m.Status == MotionStatus.Submitted
                && (canManage || await MotionAccess.IsSubmitterAsync(db, actor, m.CongressId, a.SubmittedByOrganizationId, a.SubmittedByDelegateId, ct));
            amendments.Add(new AmendmentView(a.Id, a.Number, a.Kind, a.FromLine, a.ToLine, a.Text, a.Reason, a.SubmittedBy, a.SubmittedAt, a.Status,
                a.Recommendation, a.ModifiedText, a.RecommendationNote, a.Yes, a.No, a.Abstain, a.VoteReason, a.AdoptedModified, diff, modified, canWithdraw));
        }
        var isMover = await MotionAccess.IsSubmitterAsync(db, actor, m.CongressId, m.SubmittedByOrganizationId, m.SubmittedByDelegateId, ct);
        return new MotionDetail(m.Id, m.CongressId, m.Number, m.Title, m.Reason, m.SubmittedBy, m.SubmittedAt, m.Status,
            lines.Select((l, i) => new MotionLine(i + 1, l)).ToList(), supporters.Order(StringComparer.Ordinal).ToList(), congress.MotionSupporters,
            m.HasSupport(congress.MotionSupporters), amendments,
            m.Versions.OrderBy(v => v.Number).Select(v => new MotionVersionView(v.Number, v.Text, v.Note, v.CreatedAt)).ToList(),
            LineDiff.Compute(lines, m.Merged()), m.Yes, m.No, m.Abstain, m.VoteReason, RulesOf(congress, db.Now), canManage, mine is not null,
            mine is not null && supporterIds.Contains(mine.Id), isMover, m.Status == MotionStatus.Submitted && (canManage || isMover));
    }

    /// A version of the motion's text as plain text (1: as submitted; the last: as adopted).
    public static async Task<Result<string>> TextAsync(CadreDbContext db, Actor actor, int motionId, int? version, CancellationToken ct)
    {
        var found = await MotionAccess.ReadAsync(db, actor, motionId, ct);
        if (!found.IsSuccess) return found.Error;
        var versions = found.Value.Versions.OrderBy(v => v.Number).ToList();
        var chosen = version is { } n ? versions.FirstOrDefault(v => v.Number == n) : versions.LastOrDefault();
        return chosen is null ? new InvalidField("Version", "The motion has no such version.") : chosen.Text + "\n";
    }

    private static MotionRules RulesOf(Congress c, DateTime now) => new(c.MotionsDueAt, c.AmendmentsDueAt, c.MotionSupporters,
        c.MotionsDueAt is not { } m || now <= m, c.AmendmentsDueAt is not { } a || now <= a);
}
