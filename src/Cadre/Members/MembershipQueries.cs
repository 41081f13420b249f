using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

public sealed record HistoryRow(int Id, MembershipEventKind Kind, DateOnly On, string? DecidedBy, string? Reference, string? Reason, string? Note,
    MemberStatus? StatusBefore, MemberStatus StatusAfter);

public sealed record CandidateRow(int MemberId, string Number, string Name, int OrganizationId, string OrganizationName,
    MemberStatus Status, DateOnly Since, DateOnly? ProbationEndsOn, bool ProbationExtended);

public sealed record TransferRow(int Id, int MemberId, string Number, string Name, int FromOrganizationId, string FromOrganization,
    int ToOrganizationId, string ToOrganization, DateOnly RequestedOn, string? Reason, bool Incoming);

public sealed record SanctionRow(int Id, SanctionKind Kind, DateOnly DecidedOn, string DecidedBy, string Reason, DateOnly? SuspendedUntil,
    AppealStatus Appeal, int? AppealToId, string? AppealTo, DateOnly? AppealDecidedOn);

public sealed record MembershipView(IReadOnlyList<HistoryRow> History, IReadOnlyList<SanctionRow> Sanctions, TransferRow? PendingTransfer,
    DateOnly? ProbationEndsOn, bool ProbationExtended, DateOnly? SuspendedUntil, IReadOnlyList<MembershipEventKind> NextSteps);

public static class MembershipQueries
{
    /// The member's history, discipline and pending transfer, for whoever may read the member.
    public static async Task<Result<MembershipView>> ForMemberAsync(CadreDbContext db, Actor actor, int memberId, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null) return new MemberNotFound();
        var isSelf = actor.PersonId == member.PersonId && actor.Has(Permission.OwnProfile);
        if (!isSelf && !await actor.CanAsync(db, Permission.MembersRead, member.OrganizationId, ct)) return new MemberNotFound();

        var history = await db.MembershipEvents.AsNoTracking().Where(e => e.MemberId == memberId)
            .OrderByDescending(e => e.On).ThenByDescending(e => e.Id)
            .Select(e => new HistoryRow(e.Id, e.Kind, e.On, e.DecidedBy == null ? null : e.DecidedBy.Name, e.Reference, e.Reason, e.Note,
                e.StatusBefore, e.StatusAfter))
            .ToListAsync(ct);
        var sanctions = await db.Sanctions.AsNoTracking().Where(s => s.MemberId == memberId).OrderByDescending(s => s.DecidedOn)
            .Select(s => new SanctionRow(s.Id, s.Kind, s.DecidedOn, db.Organizations.Where(o => o.Id == s.DecidedById).Select(o => o.Name).First(),
                s.Reason, s.SuspendedUntil, s.Appeal, s.AppealToId,
                db.Organizations.Where(o => o.Id == s.AppealToId).Select(o => o.Name).FirstOrDefault(), s.AppealDecidedOn))
            .ToListAsync(ct);
        var transfer = await Transfers(db, memberId).FirstOrDefaultAsync(ct);
        return new MembershipView(history, sanctions, transfer, member.ProbationEndsOn, member.ProbationExtended, member.SuspendedUntil,
            MembershipStateMachine.StepsFrom(member.Status));
    }

    /// Applications waiting for admission or ratification within the actor's scope.
    public static Task<List<CandidateRow>> ApplicationsAsync(CadreDbContext db, Actor actor, CancellationToken ct) =>
        Project(InScope(db, actor).Where(m => m.Status == MemberStatus.Applicant || m.Status == MemberStatus.Admitted)
            .OrderBy(m => m.JoinedOn).ThenBy(m => m.Id)).ToListAsync(ct);

    /// Candidates whose probation has ended without a decision, oldest first.
    public static Task<List<CandidateRow>> OverdueConfirmationsAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        var today = db.Today;
        return Project(InScope(db, actor).Where(m => m.Status == MemberStatus.Candidate && m.ProbationEndsOn != null && m.ProbationEndsOn < today)
            .OrderBy(m => m.ProbationEndsOn).ThenBy(m => m.Id)).ToListAsync(ct);
    }

    /// Pending transfers the actor sees from either side: incoming ones (to decide) and outgoing ones (to wait for).
    public static async Task<List<TransferRow>> PendingTransfersAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        var transfers = db.TransferRequests.AsNoTracking().Where(t => t.Status == TransferStatus.Pending);
        var scope = actor.Scope(db, Permission.MembersRead);
        if (scope is not null) transfers = transfers.Where(t => scope.Contains(t.FromOrganizationId) || scope.Contains(t.ToOrganizationId));
        var rows = await transfers.OrderBy(t => t.RequestedOn).ThenBy(t => t.Id).Select(t => new
        {
            t.Id, t.MemberId, t.Member.Number, t.Member.Person.GivenName, t.Member.Person.FamilyName, t.FromOrganizationId,
            From = t.FromOrganization.Name, t.ToOrganizationId, To = t.ToOrganization.Name, t.RequestedOn, t.Reason,
        }).ToListAsync(ct);
        var incoming = actor.Scope(db, Permission.MembersManage) is { } manage
            ? (await manage.ToListAsync(ct)).ToHashSet()
            : null;
        return rows.Select(t => new TransferRow(t.Id, t.MemberId, t.Number, $"{t.GivenName} {t.FamilyName}", t.FromOrganizationId, t.From,
            t.ToOrganizationId, t.To, t.RequestedOn, t.Reason, incoming is null || incoming.Contains(t.ToOrganizationId))).ToList();
    }

    private static IQueryable<TransferRow> Transfers(CadreDbContext db, int memberId) =>
        db.TransferRequests.AsNoTracking().Where(t => t.Status == TransferStatus.Pending && t.MemberId == memberId)
            .Select(t => new TransferRow(t.Id, t.MemberId, t.Member.Number, t.Member.Person.GivenName + " " + t.Member.Person.FamilyName,
                t.FromOrganizationId, t.FromOrganization.Name, t.ToOrganizationId, t.ToOrganization.Name, t.RequestedOn, t.Reason, false));

    private static IQueryable<Member> InScope(CadreDbContext db, Actor actor)
    {
        var members = db.Members.AsNoTracking();
        var scope = actor.Scope(db, Permission.MembersRead);
        return scope is null ? members : members.Where(m => scope.Contains(m.OrganizationId));
    }

    private static IQueryable<CandidateRow> Project(IQueryable<Member> members) =>
        members.Select(m => new CandidateRow(m.Id, m.Number, m.Person.GivenName + " " + m.Person.FamilyName, m.OrganizationId,
            m.Organization.Name, m.Status, m.JoinedOn, m.ProbationEndsOn, m.ProbationExtended));
}
