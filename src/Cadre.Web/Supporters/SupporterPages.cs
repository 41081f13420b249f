using System.Globalization;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Supporters;

public sealed record SupporterOrganization(int Id, string Code, string Name);

/// What the supporters' pages share: organizations by the code people type (within the user's scope), errors, dates.
internal static class SupporterPages
{
    public static async Task<SupporterOrganization?> FindAsync(CadreDbContext db, Actor actor, string? code, Permission permission, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var normalized = Organization.NormalizeCode(code);
        var found = await db.Organizations.AsNoTracking().Where(o => o.Code == normalized)
            .Select(o => new SupporterOrganization(o.Id, o.Code, o.Name)).SingleOrDefaultAsync(ct);
        return found is not null && await actor.CanAsync(db, permission, found.Id, ct) ? found : null;
    }

    /// The code of the first organization where the user holds the permission, to prefill forms.
    public static async Task<string?> HomeCodeAsync(CadreDbContext db, Actor actor, Permission permission, CancellationToken ct)
    {
        if (actor.IsAdministrator) return await db.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => o.Code).FirstOrDefaultAsync(ct);
        var roots = actor.RootsFor(permission);
        if (roots.Count == 0) return null;
        return await db.Organizations.Where(o => o.Id == roots[0]).Select(o => o.Code).SingleOrDefaultAsync(ct);
    }

    /// Every message of an error at the top of the form (the messages name their fields).
    public static void AddErrors(ModelStateDictionary modelState, Error error)
    {
        var fields = error is ValidationFailed v ? v.Errors : error is InvalidField f ? [f] : [];
        if (fields.Count == 0) modelState.AddModelError("", error.Message);
        foreach (var field in fields) modelState.AddModelError("", field.Message);
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Tags(string? text) => Cadre.Supporters.SupporterDetails.Tags([text ?? ""]);
}
