using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;

namespace Cadre.Web.Members;

/// A member's record names organizations beyond the reader's scope (the path above their own profile, offices held
/// higher up); only those the reader may open become links, so no link leads to a "not found" page.
internal static class ReadableOrganizations
{
    public const string Key = "ReadableOrganizations";

    public static async Task<HashSet<int>> ForAsync(CadreDbContext db, Actor actor, MemberDetails member, CancellationToken ct)
    {
        var shown = member.OrganizationPath.Select(c => c.Id).Append(member.OrganizationId)
            .Concat(member.Offices.Select(o => o.OrganizationId)).Distinct().ToList();
        var readable = new HashSet<int>();
        foreach (var organizationId in shown)
            if (await actor.CanAsync(db, Permission.OrganizationsRead, organizationId, ct)) readable.Add(organizationId);
        return readable;
    }
}
