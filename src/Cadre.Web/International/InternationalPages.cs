using System.Globalization;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.International;

public sealed record InternationalOrganization(int Id, string Code, string Name);

/// What the international pages share: organizations by the code people type (within the user's scope), labels.
internal static class InternationalPages
{
    public static async Task<InternationalOrganization?> FindAsync(CadreDbContext db, Actor actor, string? code, Permission permission, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var normalized = Organization.NormalizeCode(code);
        var found = await db.Organizations.AsNoTracking().Where(o => o.Code == normalized)
            .Select(o => new InternationalOrganization(o.Id, o.Code, o.Name)).SingleOrDefaultAsync(ct);
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

    public static string Years(int? from, int? to) => (from, to) switch
    {
        (null, null) => "—",
        ({ } f, null) => $"since {f.ToString(CultureInfo.InvariantCulture)}",
        (null, { } t) => $"until {t.ToString(CultureInfo.InvariantCulture)}",
        ({ } f, { } t) => $"{f.ToString(CultureInfo.InvariantCulture)}–{t.ToString(CultureInfo.InvariantCulture)}",
    };

    public static string Describe(Cadre.International.ExchangeKind kind) => kind switch
    {
        Cadre.International.ExchangeKind.DelegationSent => "Delegation sent",
        Cadre.International.ExchangeKind.DelegationReceived => "Delegation received",
        Cadre.International.ExchangeKind.MessageSent => "Message sent",
        Cadre.International.ExchangeKind.MessageReceived => "Message received",
        _ => kind.ToString(),
    };

    /// Every message of an error at the top of the form (these forms are short: the messages name their fields).
    public static void AddErrors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, Cadre.Common.Error error)
    {
        var fields = error is Cadre.Common.ValidationFailed v ? v.Errors : error is Cadre.Common.InvalidField f ? [f] : [];
        if (fields.Count == 0) modelState.AddModelError("", error.Message);
        foreach (var field in fields) modelState.AddModelError("", field.Message);
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
