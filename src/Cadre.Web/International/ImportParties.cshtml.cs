using Cadre.Accounts;
using Cadre.Data;
using Cadre.International;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.International;

[Requires(Permission.InternationalManage)]
[RequestSizeLimit(InternationalApi.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = InternationalApi.MaxImportBytes)]
public sealed class ImportPartiesModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public ImportParties.Report? Report { get; private set; }

    public IReadOnlyList<PartyFileProblem> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "Choose the file to import.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var content = file.OpenReadStream();
        var result = await ImportParties.HandleAsync(db, await actors.GetAsync(ct), content, ct);
        if (result.IsSuccess)
        {
            Report = result.Value;
            return Page();
        }
        if (result.Error is PartyFileRefused refused) Problems = refused.Problems;
        else ModelState.AddModelError("", result.Error.Message);
        Response.StatusCode = Cadre.Web.Infrastructure.Problems.StatusOf(result.Error);
        return Page();
    }
}
