using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
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
