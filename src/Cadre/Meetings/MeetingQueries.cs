using System.Globalization;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Meetings;

public sealed record MeetingKindRow(int Id, string Name, QuorumRule Quorum, int? EveryMonths, int? LevelId, string? LevelName);

public sealed record MeetingRow(int Id, int OrganizationId, string OrganizationCode, string OrganizationName, int? BodyId, string? BodyName, int KindId,
    string KindName, string Title, DateTime StartsAt, DateTime EndsAt, string? Place, string? OnlineLink, MeetingStatus Status, bool HasMinutes,
    bool MinutesApproved);

public sealed record AgendaItemRow(int Id, int Number, string Title);

public sealed record AttendeeRow(int Id, int? PersonId, string Name, AttendeeRole Role, AttendanceStatus Status, bool CountsForQuorum);

public sealed record QuorumView(QuorumRule Rule, int Entitled, int Present, int Required, bool Reached)
{
    public static QuorumView Of(Quorum quorum) => new(quorum.Rule, quorum.Entitled, quorum.Present, quorum.Required, quorum.Reached);
}

public sealed record DecisionRow(int Id, string Number, int MeetingId, int? AgendaItemId, string Text, string TextHtml, int VotesFor, int VotesAgainst,
    int Abstaining, bool Adopted, int? DirectiveId);

/// A directive the meeting's organization was assigned, for a decision to name as the one it implements.
public sealed record DirectiveChoice(int DirectiveId, long AssignmentId, string Title, DateOnly DueOn, Directives.AssignmentStatus Status);

public sealed record MeetingView(MeetingRow Meeting, IReadOnlyList<AgendaItemRow> Agenda, IReadOnlyList<AttendeeRow> Roll, QuorumView Quorum,
    string? Minutes, string MinutesHtml, int? MinutesApprovedAtId, IReadOnlyList<DecisionRow> Decisions, IReadOnlyList<MeetingRow> AwaitingApproval,
    bool Begun, bool CanManage, int Sequence, IReadOnlyList<DirectiveChoice> Directives);

/// The meetings an actor may read: an organization's (with its bodies'), one meeting with its roll, quorum, minutes and
/// decisions, an organization's decisions, and the kinds.
public static class MeetingQueries
{
    public static async Task<List<MeetingKindRow>> KindsAsync(CadreDbContext db, CancellationToken ct) =>
        await db.MeetingKinds.AsNoTracking().OrderBy(k => k.Name)
            .Select(k => new MeetingKindRow(k.Id, k.Name, k.Quorum, k.EveryMonths, k.LevelId, db.Levels.Where(l => l.Id == k.LevelId).Select(l => l.Name).FirstOrDefault()))
            .ToListAsync(ct);

    public static async Task<Result<CursorPage<MeetingRow>>> ListAsync(CadreDbContext db, Actor actor, int organizationId, string? cursor, int take,
        CancellationToken ct)
    {
        if (!await actor.CanAsync(db, Permission.MeetingsRead, organizationId, ct)) return new MeetingScopeNotFound();
        var meetings = db.Meetings.AsNoTracking().Where(m => m.OrganizationId == organizationId);
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor) is not { } after || !long.TryParse(after.Key, CultureInfo.InvariantCulture, out var ticks)) return new InvalidCursor();
            var at = new DateTime(ticks, DateTimeKind.Utc);
            meetings = meetings.Where(m => m.StartsAt < at || (m.StartsAt == at && m.Id < after.Id));
        }
        take = Math.Clamp(take, 1, 200);
        var page = await RowsAsync(db, meetings.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id).Take(take + 1), ct);
        var next = page.Count > take ? Cursor.Encode(page[take - 1].StartsAt.Ticks.ToString(CultureInfo.InvariantCulture), page[take - 1].Id) : null;
        return new CursorPage<MeetingRow>(page.Take(take).ToList(), next);
    }

    public static async Task<Result<MeetingView>> GetAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Roll).Include(m => m.Agenda).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || !await actor.CanAsync(db, Permission.MeetingsRead, meeting.OrganizationId, ct)) return new MeetingNotFound();
        var row = await Rows(db, db.Meetings.AsNoTracking().Where(m => m.Id == id)).SingleAsync(ct);
        var quorum = meeting.Quorum(await MeetingAccess.RuleAsync(db, meeting, ct));
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == id).OrderBy(d => d.Sequence).ToListAsync(ct);
        var awaiting = await RowsAsync(db, db.Meetings.AsNoTracking().Where(m => m.OrganizationId == meeting.OrganizationId && m.BodyId == meeting.BodyId
                && m.StartsAt < meeting.StartsAt && m.Minutes != null && m.MinutesApprovedAtId == null)
            .OrderByDescending(m => m.StartsAt).Take(5), ct);
        var roll = meeting.Roll.OrderBy(a => a.Role == AttendeeRole.Guest).ThenBy(a => a.Role).ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .Select(a => new AttendeeRow(a.Id, a.PersonId, a.Name, a.Role, a.Status, a.CountsForQuorum)).ToList();
        var directiveIds = decisions.Where(d => d.DirectiveId is not null).Select(d => d.DirectiveId!.Value).ToList();
        return new MeetingView(row, meeting.Agenda.OrderBy(a => a.Number).Select(a => new AgendaItemRow(a.Id, a.Number, a.Title)).ToList(), roll,
            QuorumView.Of(quorum), meeting.Minutes, Markdown.ToHtml(meeting.Minutes), meeting.MinutesApprovedAtId, decisions.Select(Row).ToList(), awaiting,
            meeting.HasBegun(db.Now), await actor.CanAsync(db, Permission.MeetingsManage, meeting.OrganizationId, ct), meeting.Sequence,
            await DirectiveChoicesAsync(db, meeting.OrganizationId, directiveIds, ct));
    }

    /// The directives the organization was assigned (the 100 latest by due date, and any its decisions already name), each under
    /// the directive it arrived through, which is the id a decision records (RecordDecision accepts it or its chain's first).
    public static async Task<List<DirectiveChoice>> DirectiveChoicesAsync(CadreDbContext db, int organizationId, IReadOnlyList<int> named, CancellationToken ct)
    {
        var choices = from a in db.Assignments.AsNoTracking()
                      join d in db.Directives on a.DirectiveId equals d.Id
                      where a.OrganizationId == organizationId
                      select new { a.Id, a.DirectiveId, a.RootDirectiveId, d.Title, a.DueOn, a.Status };
        var latest = await choices.OrderByDescending(c => c.DueOn).ThenByDescending(c => c.Id).Take(100).ToListAsync(ct);
        var missing = named.Where(n => !latest.Any(c => c.DirectiveId == n || c.RootDirectiveId == n)).ToList();
        if (missing.Count > 0)
            latest.AddRange(await choices.Where(c => missing.Contains(c.DirectiveId) || missing.Contains(c.RootDirectiveId)).ToListAsync(ct));
        return latest.Select(c => new DirectiveChoice(c.DirectiveId, c.Id, c.Title, c.DueOn, c.Status)).ToList();
    }

    /// The live quorum of a meeting, for the checklist to refresh after each tick.
    public static async Task<Result<QuorumView>> QuorumAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Roll).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || !await actor.CanAsync(db, Permission.MeetingsRead, meeting.OrganizationId, ct)) return new MeetingNotFound();
        return QuorumView.Of(meeting.Quorum(await MeetingAccess.RuleAsync(db, meeting, ct)));
    }

    /// An organization's decisions of one year, in their order.
    public static async Task<Result<List<DecisionRow>>> DecisionsAsync(CadreDbContext db, Actor actor, int organizationId, int year, CancellationToken ct)
    {
        if (!await actor.CanAsync(db, Permission.MeetingsRead, organizationId, ct)) return new MeetingScopeNotFound();
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.OrganizationId == organizationId && d.Year == year).OrderBy(d => d.Sequence).ToListAsync(ct);
        return decisions.Select(Row).ToList();
    }

    private static DecisionRow Row(Decision d) =>
        new(d.Id, d.Number, d.MeetingId, d.AgendaItemId, d.Text, Markdown.ToHtml(d.Text), d.VotesFor, d.VotesAgainst, d.Abstaining, d.Adopted, d.DirectiveId);

    /// The rows of the meetings a query selects, in its order (ordered and limited before the joins, which a positional
    /// record's projection cannot be ordered after).
    internal static async Task<List<MeetingRow>> RowsAsync(CadreDbContext db, IQueryable<Meeting> ordered, CancellationToken ct)
    {
        var ids = await ordered.Select(m => m.Id).ToListAsync(ct);
        var rows = await Rows(db, db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id))).ToDictionaryAsync(r => r.Id, ct);
        return ids.Select(id => rows[id]).ToList();
    }

    internal static IQueryable<MeetingRow> Rows(CadreDbContext db, IQueryable<Meeting> meetings) =>
        from m in meetings
        join o in db.Organizations on m.OrganizationId equals o.Id
        join k in db.MeetingKinds on m.KindId equals k.Id
        select new MeetingRow(m.Id, m.OrganizationId, o.Code, o.Name, m.BodyId, db.Bodies.Where(b => b.Id == m.BodyId).Select(b => b.Name).FirstOrDefault(),
            m.KindId, k.Name, m.Title, m.StartsAt, m.EndsAt, m.Place, m.OnlineLink, m.Status, m.Minutes != null, m.MinutesApprovedAtId != null);
}
