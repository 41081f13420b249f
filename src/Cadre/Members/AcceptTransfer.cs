using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;

namespace Cadre.Members;

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
