using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Supporters;

/// Opens or closes a sign-up form: a closed form shows that it is closed and records nothing.
public static class OpenSignupForm
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int formId, bool open, CancellationToken ct)
    {
        var form = await db.SignupForms.SingleOrDefaultAsync(f => f.Id == formId, ct);
        if (form is null) return new SignupFormNotFound();
        if (!await actor.CanAsync(db, Permission.SupportersManage, form.OrganizationId, ct))
            return await actor.CanAsync(db, Permission.SupportersRead, form.OrganizationId, ct) ? new SupportersNotPermitted() : new SignupFormNotFound();
        var changed = form.SetOpen(open);
        if (!changed.IsSuccess) return changed;
        return await SupporterAccess.SaveAsync(db, ct);
    }
}
