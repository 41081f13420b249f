using System.Globalization;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Education.Library;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Education;

public sealed record EducationOrganization(int Id, string Code, string Name);

/// What the education pages share: organizations by the code people type (within the user's scope), names of things.
internal static class EducationPages
{
    public static async Task<EducationOrganization?> FindAsync(CadreDbContext db, Actor actor, string? code, Permission permission, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var normalized = Organization.NormalizeCode(code);
        var found = await db.Organizations.AsNoTracking().Where(o => o.Code == normalized)
            .Select(o => new EducationOrganization(o.Id, o.Code, o.Name)).SingleOrDefaultAsync(ct);
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

    public static string Describe(DocumentKind kind) => kind.ToString();

    public static string Describe(StudyFormat format) => format switch
    {
        StudyFormat.StudyCircle => "Study circle",
        StudyFormat.Seminar => "Seminar",
        _ => "Short course",
    };

    public static string Describe(RequiredStage stage) => stage switch
    {
        RequiredStage.Candidate => "Required of candidates before confirmation",
        RequiredStage.FullMember => "Required of full members",
        _ => "Not required",
    };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "—";
}
