using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// The sending organization asks another to take a member; the member stays where they are until the receiving side accepts.
public static class RequestTransfer
{
    public sealed record Request
    {
        public int MemberId { get; init; }

        public int ToOrganizationId { get; init; }

        public DateOnly? On { get; init; }

        [MaxLength(MembershipEvent.TextMaxLength)]
        public string? Reason { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var found = await MembershipAccess.FindAsync(db, actor, request.MemberId, ct);
        if (!found.IsSuccess) return found.Error;
        var member = found.Value;
        // Any organization of the party may receive a member, so the target need not be within the sender's scope.
        var to = await db.Organizations.Include(o => o.Level).SingleOrDefaultAsync(o => o.Id == request.ToOrganizationId, ct);
        if (to is null) return new TransferTargetNotFound();
        if (!to.IsActive) return new TransferToDissolvedOrganization();
        if (to.Id == member.OrganizationId) return new TransferToSameOrganization();
        if (!await OrganizationTree.IsPrimaryAsync(db, to, ct)) return new TransferTargetNotPrimary();
        if (!MembershipStateMachine.Allows(member.Status, MembershipEventKind.Transfer, member.Status))
            return new StepNotAllowed(member.Status, MembershipEventKind.Transfer);
        if (await db.TransferRequests.AnyAsync(t => t.MemberId == member.Id && t.Status == TransferStatus.Pending, ct))
            return new TransferAlreadyPending();

        var on = request.On ?? db.Today;
        var recorded = member.Record(MembershipEventKind.TransferRequested,
            new Decision(on, member.OrganizationId, Reason: request.Reason, Note: $"To {to.Code} {to.Name}"), db.Today);
        if (!recorded.IsSuccess) return recorded.Error;
        var transfer = TransferRequest.Of(member, to, on, request.Reason);
        db.TransferRequests.Add(transfer);
        var saved = await MembershipAccess.SaveAsync(db, ct);
        if (!saved.IsSuccess) return saved.Error;
        return transfer.Id;
    }
}
