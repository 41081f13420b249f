using Cadre.Accounts;
using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Education;

/// The printable certificate: for the member it names, or for those who read the running organization's education.
[Requires(Permission.OwnProfile)]
public sealed class CertificateModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public CertificateView Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        var found = await Certificates.GetAsync(db, await actors.GetAsync(ct), number, ct);
        if (!found.IsSuccess) return NotFound();
        Certificate = found.Value;
        return Page();
    }
}
