using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

/// Someone stops being a party's contact (kept in the history, not deleted).
public static class EndContact
{
    public sealed record Request(DateOnly? On);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int contactId, Request request, CancellationToken ct)
    {
        var contact = await db.PartyContacts.SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return new ContactNotFound();
        if (await InternationalAccess.CheckKeepsAsync(db, actor, contact.OrganizationId, new ContactNotFound(), ct) is { } refused) return refused;
        var on = request.On ?? db.Today;
        if (on > db.Today) return new InvalidField("On", "The date cannot be in the future.");
        var ended = contact.End(on);
        if (!ended.IsSuccess) return ended;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
