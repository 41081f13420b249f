using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members.Import;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Members;

/// Upload, preview (the first rows and every problem), confirm: the same import as `cadre import members`.
[Requires(Permission.MembersManage)]
[RequestSizeLimit(ImportUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUploads.MaxRequestBytes)]
public sealed class ImportModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public const int PreviewRows = 10;

    public IReadOnlyList<string> Columns => MemberCsv.Columns;

    /// The checked upload waiting for confirmation.
    [BindProperty]
    public string? UploadId { get; set; }

    [BindProperty]
    public bool SkipInvalid { get; set; }

    public string? FileName { get; private set; }

    public ImportMembers.Report? Preview { get; private set; }

    public ImportMembers.Report? Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choose a CSV file to upload.");
            return Page();
        }
        if (file.Length > ImportUploads.MaxBytes)
        {
            ModelState.AddModelError("file", $"The file is {file.Length / (1024.0 * 1024):0.0} MB; uploads can be at most {ImportUploads.MaxBytes / (1024 * 1024)} MB. Split it, or use `cadre import members` on the server.");
            return Page();
        }
        await using (var content = file.OpenReadStream())
            UploadId = await ImportUploads.SaveAsync(content, actor.UserId!, ct);
        FileName = Path.GetFileName(file.FileName);
        return await CheckAsync(actor, ImportUploads.Find(UploadId, actor.UserId!)!, ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? fileName, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var path = ImportUploads.Find(UploadId, actor.UserId!);
        if (path is null)
        {
            ModelState.AddModelError("", "That upload is no longer there (uploads are kept for a day). Upload the file again.");
            return Page();
        }
        FileName = fileName;
        var result = await ImportMembers.HandleAsync(db, actor, () => System.IO.File.OpenRead(path),
            new ImportMembers.Options { SkipInvalid = SkipInvalid, FileName = fileName ?? "upload.csv" }, ct);
        if (!result.IsSuccess)
        {
            result.Error.AddTo(ModelState, "");
            return Page();
        }
        if (result.Value.Refused)
        {
            // The database changed since the preview (a number or an email is now taken): show the problems again.
            Preview = result.Value;
            return Page();
        }
        ImportUploads.Delete(path);
        UploadId = null;
        Done = result.Value;
        return Page();
    }

    private async Task<IActionResult> CheckAsync(Actor actor, string path, CancellationToken ct)
    {
        var result = await ImportMembers.HandleAsync(db, actor, () => System.IO.File.OpenRead(path),
            new ImportMembers.Options { DryRun = true, SkipInvalid = SkipInvalid, PreviewRows = PreviewRows, FileName = FileName ?? "upload.csv" }, ct);
        if (!result.IsSuccess)
        {
            result.Error.AddTo(ModelState, "");
            return Page();
        }
        Preview = result.Value;
        if (Preview.Refused)
        {
            // Nothing to confirm: the corrected file is uploaded again.
            ImportUploads.Delete(path);
            UploadId = null;
        }
        return Page();
    }
}
