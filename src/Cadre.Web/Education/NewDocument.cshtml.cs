using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Education.Library;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Education;

/// Upload one document: the same checks as `cadre import library`, for one file.
[Requires(Permission.LibraryManage)]
[RequestSizeLimit(LibraryUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = LibraryUploads.MaxRequestBytes)]
public sealed class NewDocumentModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Author { get; set; }

    [BindProperty] public string? Kind { get; set; }

    [BindProperty] public string? Language { get; set; }

    [BindProperty] public string? Year { get; set; }

    [BindProperty] public string? Tags { get; set; }

    [BindProperty] public string? Source { get; set; }

    [BindProperty] public string? Org { get; set; }

    public string? ErrorFor(string field) => ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task OnGetAsync(CancellationToken ct) => Org = await EducationPages.HomeCodeAsync(db, await actors.GetAsync(ct), Permission.LibraryManage, ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        ModelState.Clear();
        if (file is null || file.Length == 0) return Refuse(new DocumentFileEmpty());
        if (file.Length > LibraryUploads.MaxBytes) return Refuse(new DocumentFileTooLarge(file.Length));
        await using var content = file.OpenReadStream();
        var text = await LibraryUploads.ReadAsync(content, file.Length, ct);
        if (!text.IsSuccess) return Refuse(text.Error);
        var organization = await EducationPages.FindAsync(db, actor, Org, Permission.LibraryManage, ct);
        if (organization is null) return Refuse(new InvalidField("Org", "You do not keep the library of an organization with that code."));
        var draft = LibraryForms.Draft(file.FileName, text.Value, null, Title, Author, Year, Kind, Language, Tags, Source, null);
        if (!draft.IsSuccess) return Refuse(draft.Error);
        var published = await PublishDocument.HandleAsync(db, actor, new PublishDocument.Request
        {
            OrganizationId = organization.Id, Document = draft.Value.Draft, Note = draft.Value.Note,
        }, ct);
        if (!published.IsSuccess) return Refuse(published.Error);
        TempData["Flash"] = "The document is in the library.";
        return Redirect($"/library/{published.Value.DocumentId}");
    }

    private PageResult Refuse(Error error)
    {
        // Fields are named as the form names them; anything else (a conflict, the organization) goes on top.
        foreach (var field in error is ValidationFailed v ? v.Errors : error is InvalidField f ? [f] : [])
            ModelState.AddModelError(field.FieldName is "Body" or "Key" or "Tags" or "Source" or "Author" or "Kind" or "Note" or "Format" or "Org" or "OrganizationId" ? "" : field.FieldName, field.Message);
        if (error is not (ValidationFailed or InvalidField)) ModelState.AddModelError("", error.Message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
