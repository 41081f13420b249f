using System.Globalization;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Health;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Health;

public sealed record HealthOrganization(int Id, string Code, string Name);

/// What the health pages share: the organization by the code people type (within the user's scope), and how numbers read.
public static class HealthPages
{
    public static async Task<HealthOrganization?> FindAsync(CadreDbContext db, Actor actor, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64) return null;
        var normalized = Organization.NormalizeCode(code);
        var found = await db.Organizations.AsNoTracking().Where(o => o.Code == normalized)
            .Select(o => new HealthOrganization(o.Id, o.Code, o.Name)).SingleOrDefaultAsync(ct);
        return found is not null && await actor.CanAsync(db, Permission.HealthRead, found.Id, ct) ? found : null;
    }

    /// The organization whose dashboard a user sees first: the top of the tree for an administrator, else the first grant.
    public static async Task<string?> HomeCodeAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.IsAdministrator) return await db.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => o.Code).FirstOrDefaultAsync(ct);
        var roots = actor.RootsFor(Permission.HealthRead);
        if (roots.Count == 0) return null;
        return await db.Organizations.Where(o => o.Id == roots[0]).Select(o => o.Code).SingleOrDefaultAsync(ct);
    }

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "—";

    public static string Figure(IndicatorUnit unit, int value, int @base) =>
        unit == IndicatorUnit.Share ? Percent(@base == 0 ? null : (double)value / @base) : value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Score(IndicatorDefinition definition, double score) =>
        definition.Unit == IndicatorUnit.Share ? Percent(score)
        : definition.Kind == IndicatorKind.Flow ? (score * 100).ToString("0.##", CultureInfo.InvariantCulture) + " per 100 members"
        : score.ToString("N0", CultureInfo.InvariantCulture);

    public static string Observed(WarningMeasure measure, decimal value) =>
        measure == WarningMeasure.Count ? value.ToString("0.##", CultureInfo.InvariantCulture) : Percent((double)value);

    public static string Describe(WarningStatus status) => status.ToString();

    public static string RowLink(HealthRow row) => row.Kind switch
    {
        "member" => $"/members/{row.Id}",
        "meeting" => $"/meetings/{row.Id}",
        "assignment" => $"/directives/assignments/{row.Id}",
        "schedule" => $"/organizations/{row.OrganizationId}",
        _ => $"/organizations/{row.OrganizationId}/offices",
    };

    /// The column the row's label is in: the member's number, the office, the meeting, the directive, the kind of meeting.
    public static string LabelHeading(string? kind) => kind switch
    {
        "office" => "Office",
        "meeting" => "Meeting",
        "assignment" => "Directive",
        "schedule" => "Kind of meeting",
        _ => "Number",
    };

    /// The row's day: its date, or the day of its time (a meeting's start, a schedule's last meeting).
    public static string Date(HealthRow row) => row.On is { } on ? Date(on) : row.At is { } at ? Date(DateOnly.FromDateTime(at)) : "—";

    public static string Attendance(HealthRow row) =>
        row.Present is { } present && row.Entitled is { } entitled ? $"{present} of {entitled}" + (entitled > 0 ? $" ({Percent((double)present / entitled)})" : "") : "";
}
