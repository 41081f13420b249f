using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// Finds a transfer for the receiving side: a transfer neither side of which the actor manages does not exist for them.
internal static class TransferAccess
{
    public static async Task<Result<TransferRequest>> FindForReceiverAsync(CadreDbContext db, Actor actor, int transferId, CancellationToken ct)
    {
        var transfer = await db.TransferRequests.Include(t => t.Member).ThenInclude(m => m.Organization)
            .Include(t => t.ToOrganization).ThenInclude(o => o.Level)
            .SingleOrDefaultAsync(t => t.Id == transferId, ct);
        if (transfer is null) return new TransferNotFound();
        var receiving = await actor.CanAsync(db, Permission.MembersManage, transfer.ToOrganizationId, ct);
        if (receiving) return transfer;
        var sending = await actor.CanAsync(db, Permission.MembersRead, transfer.FromOrganizationId, ct);
        return sending ? new TransferDecidedByReceiver() : new TransferNotFound();
    }
}

/// The receiving organization accepts: the member moves, keeping number and history.
public static class AcceptTransfer
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int transferId, DecisionRequest request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var found = await TransferAccess.FindForReceiverAsync(db, actor, transferId, ct);
        if (!found.IsSuccess) return found.Error;
        var transfer = found.Value;
        var isPrimary = await OrganizationTree.IsPrimaryAsync(db, transfer.ToOrganization, ct);
        var done = transfer.Accept(transfer.ToOrganization, isPrimary, request.On ?? db.Today, request.Note ?? request.Reference, db.Today);
        return done.IsSuccess ? await MembershipAccess.SaveAsync(db, ct) : done;
    }
}

/// The receiving organization declines: the member stays where they were.
public static class DeclineTransfer
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int transferId, DecisionRequest request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var found = await TransferAccess.FindForReceiverAsync(db, actor, transferId, ct);
        if (!found.IsSuccess) return found.Error;
        var done = found.Value.Decline(request.On ?? db.Today, request.Reason ?? request.Note, db.Today);
        return done.IsSuccess ? await MembershipAccess.SaveAsync(db, ct) : done;
    }
}
