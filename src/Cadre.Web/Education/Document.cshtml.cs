using Cadre.Accounts;
using Cadre.Data;
using Cadre.Education.Library;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Education;

[Requires(Permission.LibraryRead)]
[RequestSizeLimit(LibraryUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = LibraryUploads.MaxRequestBytes)]
public sealed class DocumentModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public DocumentView Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int? version, CancellationToken ct)
    {
        var found = await LibraryQueries.GetAsync(db, await actors.GetAsync(ct), id, version, ct);
        if (!found.IsSuccess) return NotFound();
        Document = found.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, IFormFile? file, string? note, int? expectedVersion, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var found = await LibraryQueries.GetAsync(db, actor, id, null, ct);
        if (!found.IsSuccess) return NotFound();
        if (!found.Value.CanEdit) return Forbid();
        Cadre.Common.Error? error = null;
        if (file is null || file.Length == 0) error = new DocumentFileEmpty();
        else
        {
            await using var content = file.OpenReadStream();
            var text = await LibraryUploads.ReadAsync(content, file.Length, ct);
            if (!text.IsSuccess) error = text.Error;
            else
            {
                var current = found.Value;
                var draft = LibraryForms.Draft(file.FileName, text.Value, current.Key, null, null, null, null, null, null, null, note);
                if (!draft.IsSuccess) error = draft.Error;
                else
                {
                    // A file without front matter keeps the document's description; one with front matter may change it.
                    var d = draft.Value.Draft;
                    var keep = !text.Value.StartsWith("---", StringComparison.Ordinal);
                    var revised = await ReviseDocument.HandleAsync(db, actor, id, new ReviseDocument.Request
                    {
                        Document = keep ? d with { Title = current.Title, Author = current.Author, Year = current.Year, Kind = current.Kind, Language = current.Language,
                            Tags = current.Tags, Source = current.Source } : d,
                        Note = draft.Value.Note, ExpectedVersion = expectedVersion,
                    }, ct);
                    if (revised.IsSuccess)
                    {
                        TempData["Flash"] = revised.Value.Changed ? $"Version {revised.Value.CurrentVersion} is recorded." : "The text is the same as the version in force: nothing changed.";
                        return Redirect($"/library/{id}");
                    }
                    error = revised.Error;
                }
            }
        }
        foreach (var message in error is Cadre.Common.ValidationFailed v ? v.Errors.Select(e => e.Message) : [error.Message]) ModelState.AddModelError("", message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Document = (await LibraryQueries.GetAsync(db, actor, id, null, ct)).Value;
        return Page();
    }
}
