using System.Globalization;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Directives;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Directives;

/// What the directive pages share: organizations by the code people type (within the user's scope), words for states.
internal static class DirectivePages
{
    public static async Task<Crumb?> FindAsync(CadreDbContext db, Actor actor, string? code, Permission permission, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var normalized = Organization.NormalizeCode(code);
        var found = await db.Organizations.AsNoTracking().Where(o => o.Code == normalized).Select(o => new Crumb(o.Id, o.Code, o.Name)).SingleOrDefaultAsync(ct);
        return found is not null && await actor.CanAsync(db, permission, found.Id, ct) ? found : null;
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Describe(AssignmentStatus status) => Assignment.Describe(status);

    public static string Describe(ReportOutcome? outcome) => outcome is { } o ? Assignment.Describe(o) : "—";

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// "412 of 520 reported, 38 overdue".
    public static string Summary(RollupCounts c, bool reportRequired) =>
        $"{Number(c.ReportsIn)} of {Number(c.Assigned)} reported" + (reportRequired ? $", {Number(c.Overdue)} overdue" : "");
}
