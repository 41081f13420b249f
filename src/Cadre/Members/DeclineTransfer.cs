using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Members;

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
