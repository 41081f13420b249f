using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses;

/// An organization directly below records a delegate (or alternate) it elected, with the meeting that elected them.
/// Its secretary may record its own; the congress's organization may record any.
public static class ElectDelegate
{
    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public string MemberNumber { get; init; } = "";

        public bool Alternate { get; init; }

        public string ElectedAt { get; init; } = "";

        public DateOnly ElectedOn { get; init; }

        public int VoteWeight { get; init; } = 1;
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int congressId, Request request, CancellationToken ct)
    {
        var congress = await db.Congresses.AsNoTracking().Include(c => c.Allocations).SingleOrDefaultAsync(c => c.Id == congressId, ct);
        if (congress is null || !await actor.CanAsync(db, Permission.CongressesRead, congress.OrganizationId, ct)
            && !await actor.CanAsync(db, Permission.CongressesManage, request.OrganizationId, ct)) return new CongressNotFound();
        var allocation = congress.Allocations.FirstOrDefault(a => a.OrganizationId == request.OrganizationId);
        if (congress.Allocations.Count == 0) return new NotApportioned();
        if (allocation is null) return new DelegateOrganizationNotBelow();
        if (!await actor.CanAsync(db, Permission.CongressesManage, request.OrganizationId, ct)) return new CongressNotPermitted();
        if (string.IsNullOrWhiteSpace(request.ElectedAt) || request.ElectedAt.Trim().Length > CongressDelegate.MeetingMaxLength) return new InvalidMeeting();
        if (request.ElectedOn > db.Today) return new ElectedInFuture();
        if (request.VoteWeight is < 1 or > 1000) return new InvalidVoteWeight();
        var number = request.MemberNumber.Trim();
        var member = await db.Members.AsNoTracking().Where(m => m.Number == number).Select(m => new { m.Id, m.OrganizationId }).SingleOrDefaultAsync(ct);
        if (member is null) return new DelegateMemberNotFound();
        if (!await db.OrganizationPaths.AnyAsync(p => p.AncestorId == request.OrganizationId && p.DescendantId == member.OrganizationId, ct))
            return new DelegateNotOfOrganization(number);
        if (await db.CongressDelegates.AnyAsync(d => d.CongressId == congressId && d.MemberId == member.Id, ct)) return new AlreadyDelegate(number);
        if (!request.Alternate
            && await db.CongressDelegates.CountAsync(d => d.CongressId == congressId && d.OrganizationId == request.OrganizationId && !d.IsAlternate, ct)
            >= allocation.Seats)
            return new SeatsFilled(allocation.Seats);
        var delegateRow = new CongressDelegate(congressId, congress.OrganizationId, request.OrganizationId, member.Id, request.Alternate,
            request.ElectedAt.Trim(), request.ElectedOn, request.VoteWeight);
        db.CongressDelegates.Add(delegateRow);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new AlreadyDelegate(number);
        }
        return delegateRow.Id;
    }
}
