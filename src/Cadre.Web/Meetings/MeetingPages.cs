using System.Globalization;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Meetings;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Meetings;

public sealed record MeetingOrganization(int Id, string Code, string Name);

/// What the meeting pages share: organizations by the code people type (within the user's scope), names and times.
internal static class MeetingPages
{
    public static async Task<MeetingOrganization?> FindAsync(CadreDbContext db, Actor actor, string? code, Permission permission, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > Organization.CodeMaxLength) return null;
        var normalized = Organization.NormalizeCode(code);
        var found = await db.Organizations.AsNoTracking().Where(o => o.Code == normalized)
            .Select(o => new MeetingOrganization(o.Id, o.Code, o.Name)).SingleOrDefaultAsync(ct);
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

    public static string Time(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

    /// The value of a datetime-local input.
    public static string Input(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static string Describe(QuorumRule rule) => rule switch
    {
        QuorumRule.MoreThanHalf => "more than half of the full members",
        QuorumRule.AtLeastTwoThirds => "at least two thirds of the full members",
        QuorumRule.AtLeastOneThird => "at least one third of the full members",
        _ => "no quorum needed",
    };

    public static string Describe(AttendeeRole role) => role switch
    {
        AttendeeRole.FullMember => "member",
        AttendeeRole.Candidate => "candidate",
        _ => "guest",
    };

    public static string Describe(AttendanceStatus status) => status switch
    {
        AttendanceStatus.NotRecorded => "not recorded",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static readonly AttendanceStatus[] Marks = [AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.Excused, AttendanceStatus.Absent];
}
