using System.Text.Json;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.MassOrganizations;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.MassOrganizations;

/// What the mass organization pages share: labels, organizations by the code people type, the trend's chart figures.
internal static class MassOrganizationPages
{
    public static string Describe(MassOrganizationKind kind) => kind switch
    {
        MassOrganizationKind.TradeUnion => "Trade union",
        MassOrganizationKind.YouthLeague => "Youth league",
        MassOrganizationKind.WomensUnion => "Women's union",
        MassOrganizationKind.FarmersUnion => "Farmers' union",
        _ => "Other",
    };

    /// The id of the organization with that code, or null; the use cases check whether it lies in the user's subtree.
    public static async Task<int?> OrganizationIdAsync(CadreDbContext db, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var normalized = Organization.NormalizeCode(code);
        return await db.Organizations.Where(o => o.Code == normalized).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
    }

    public static async Task<string?> HomeCodeAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.IsAdministrator) return await db.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => o.Code).FirstOrDefaultAsync(ct);
        var roots = actor.RootsFor(Permission.MassOrganizationsManage);
        return roots.Count == 0 ? null : await db.Organizations.Where(o => o.Id == roots[0]).Select(o => o.Code).SingleOrDefaultAsync(ct);
    }

    /// The figures the trend chart draws; the serializer escapes "<", so nothing in a name can end the script element.
    public static string ChartJson(Trend trend) => JsonSerializer.Serialize(new
    {
        months = trend.Months.Select(m => m.Month),
        members = trend.Months.Select(m => m.Members),
        women = trend.Months.Select(m => m.Women),
        youth = trend.Months.Select(m => m.Youth),
    });

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public static void AddErrors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, Cadre.Common.Error error)
    {
        var fields = error is Cadre.Common.ValidationFailed v ? v.Errors : error is Cadre.Common.InvalidField f ? [f] : [];
        if (fields.Count == 0) modelState.AddModelError("", error.Message);
        foreach (var field in fields) modelState.AddModelError("", field.Message);
    }
}
