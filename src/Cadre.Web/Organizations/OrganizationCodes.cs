using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Organizations;

/// Forms ask for an organization's code, the use cases take its id; 0 stands for "no such code" so the use case
/// answers with its own named error on the right field.
internal static class OrganizationCodes
{
    public static async Task<int> IdOfAsync(CadreDbContext db, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return 0;
        var normalized = Organization.NormalizeCode(code);
        return await db.Organizations.Where(o => o.Code == normalized).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct) ?? 0;
    }
}
