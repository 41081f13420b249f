using Cadre.Accounts;
using Cadre.Common;
using Cadre.Congresses.Polls;
using Cadre.Data;
using Cadre.Elections.Majorities;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses.Motions;

/// Who reaches a motion: the readers of the congress's organization, its delegates, and the organization that submitted it;
/// the presidium (MotionsManage at the congress's organization) runs it. Outside these a motion is not found.
internal static class MotionAccess
{
    public static IQueryable<Motion> Full(CadreDbContext db) =>
        db.Motions.Include(m => m.Amendments).Include(m => m.Supporters).Include(m => m.Versions).AsSplitQuery();

    public static async Task<Result<Motion>> ReadAsync(CadreDbContext db, Actor actor, int motionId, CancellationToken ct, bool tracked = false)
    {
        var motions = Full(db);
        if (!tracked) motions = motions.AsNoTracking();
        var motion = await motions.SingleOrDefaultAsync(m => m.Id == motionId, ct);
        if (motion is null) return new MotionNotFound();
        if (await actor.CanAsync(db, Permission.CongressesRead, motion.OrganizationId, ct)) return motion;
        if (motion.SubmittedByOrganizationId is { } by && await actor.CanAsync(db, Permission.MotionsSubmit, by, ct)) return motion;
        return await PollAccess.DelegateOfAsync(db, actor, motion.CongressId, ct) is not null ? motion : new MotionNotFound();
    }

    public static async Task<Result<Motion>> ManageAsync(CadreDbContext db, Actor actor, int motionId, CancellationToken ct)
    {
        var motion = await Full(db).SingleOrDefaultAsync(m => m.Id == motionId, ct);
        if (motion is null || !await actor.CanAsync(db, Permission.CongressesRead, motion.OrganizationId, ct)) return new MotionNotFound();
        if (!await actor.CanAsync(db, Permission.MotionsManage, motion.OrganizationId, ct)) return new MotionsNotPermitted();
        return motion;
    }

    /// The congress as a delegate, a reader or an organization's submitter reaches it.
    public static async Task<Result<Congress>> CongressAsync(CadreDbContext db, Actor actor, int congressId, CancellationToken ct)
    {
        var congress = await db.Congresses.SingleOrDefaultAsync(c => c.Id == congressId, ct);
        if (congress is null) return new CongressNotFound();
        if (await actor.CanAsync(db, Permission.CongressesRead, congress.OrganizationId, ct)
            || await PollAccess.DelegateOfAsync(db, actor, congressId, ct) is not null
            || await SubmitsBelowAsync(db, actor, congress.OrganizationId, ct)) return congress;
        return new CongressNotFound();
    }

    /// Who submits: an organization (the congress's or one below it) the actor submits for, or the actor as a delegate.
    public static async Task<Result<(int? OrganizationId, int? DelegateId, string Name)>> SubmitterAsync(CadreDbContext db, Actor actor, Congress congress,
        int? organizationId, CancellationToken ct)
    {
        if (organizationId is { } org)
        {
            var below = await db.OrganizationPaths.AnyAsync(p => p.AncestorId == congress.OrganizationId && p.DescendantId == org, ct);
            if (!below || !await actor.CanAsync(db, Permission.MotionsSubmit, org, ct)) return new SubmittingOrganizationNotFound();
            var name = await db.Organizations.Where(o => o.Id == org).Select(o => o.Name).SingleAsync(ct);
            return (org, (int?)null, name);
        }
        if (!actor.Has(Permission.CongressVote) || await PollAccess.DelegateOfAsync(db, actor, congress.Id, ct) is not { } delegateRow)
            return new NotEntitledToSubmit();
        var who = await db.Members.Where(m => m.Id == delegateRow.MemberId)
            .Select(m => m.Person.GivenName + " " + m.Person.FamilyName).SingleAsync(ct);
        var from = await db.Organizations.Where(o => o.Id == delegateRow.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        return ((int?)null, delegateRow.Id, $"{who} ({from})");
    }

    /// Whether the actor may act for whoever submitted the motion or amendment (withdraw it): that delegate, or that organization.
    public static async Task<bool> IsSubmitterAsync(CadreDbContext db, Actor actor, int congressId, int? organizationId, int? delegateId, CancellationToken ct)
    {
        if (organizationId is { } org) return await actor.CanAsync(db, Permission.MotionsSubmit, org, ct);
        return delegateId is { } d && await PollAccess.DelegateOfAsync(db, actor, congressId, ct) is { } mine && mine.Id == d;
    }

    /// A vote by show of hands (or by cards) as the presidium counts it, decided by the majority rule the polls use; the voters present and
    /// entitled are the delegates holding a seat, weighted as in a poll.
    public static async Task<Result<VoteRecord>> DecideAsync(CadreDbContext db, int congressId, VoteRequest request, CancellationToken ct)
    {
        if (!Enum.IsDefined(request.Majority)) return new InvalidField("Majority", "A simple, absolute or two-thirds majority.");
        if (!Enum.IsDefined(request.MajorityBase)) return new InvalidField("MajorityBase", "Valid votes, those present or all entitled.");
        var holders = await db.CongressDelegates.AsNoTracking()
            .Where(d => d.CongressId == congressId && d.Mandate == MandateStatus.Confirmed && (!d.IsAlternate || d.ReplacesId != null))
            .Select(d => new { d.VoteWeight, d.Present }).ToListAsync(ct);
        var present = holders.Where(h => h.Present).Sum(h => (long)h.VoteWeight);
        var entitled = holders.Sum(h => (long)h.VoteWeight);
        var decided = Majority.Decide(new PollTally(request.Yes, request.No, request.Abstain, 0, present, entitled),
            new MajorityRule(request.Majority, request.MajorityBase));
        if (!decided.IsSuccess) return decided.Error;
        return new VoteRecord(request.Yes, request.No, request.Abstain, request.Majority, request.MajorityBase, decided.Value.Carried, decided.Value.Reason);
    }

    public static async Task<Result<Done>> SaveAsync(CadreDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent change to the same motion (its version), or a second support by the same delegate racing the first.
            db.ChangeTracker.Clear();
            return new Members.ConcurrentChange();
        }
        return Done.Value;
    }

    private static async Task<bool> SubmitsBelowAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        if (actor.IsAdministrator) return true;
        var roots = actor.RootsFor(Permission.MotionsSubmit);
        return roots.Count > 0 && await db.OrganizationPaths.AnyAsync(p => p.AncestorId == organizationId && roots.Contains(p.DescendantId), ct);
    }
}

/// The totals of a vote on a motion or an amendment, and the majority it needs (a simple majority of the valid votes unless the statutes say otherwise).
public sealed record VoteRequest
{
    public long Yes { get; init; }

    public long No { get; init; }

    public long Abstain { get; init; }

    public MajorityKind Majority { get; init; } = MajorityKind.Simple;

    public MajorityBase MajorityBase { get; init; } = MajorityBase.ValidVotes;
}
