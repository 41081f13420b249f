using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Education.Library;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Education;

/// Upload one document: the same checks as `cadre import library`, for one file.
/// The form is read here, not bound: a body over the limit then fails in one place, as the named error beside the file
/// field, instead of inside the antiforgery check or model binding (an empty 400 or a 500). The antiforgery token is
/// checked by hand right after the form is read, before anything is stored.
[Requires(Permission.LibraryManage)]
[RequestSizeLimit(LibraryUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = LibraryUploads.MaxRequestBytes)]
[IgnoreAntiforgeryToken]
public sealed class NewDocumentModel(CadreDbContext db, ActorAccessor actors, IAntiforgery antiforgery) : PageModel
{
    public string? Title { get; set; }

    public string? Author { get; set; }

    public string? Kind { get; set; }

    public string? Language { get; set; }

    public string? Year { get; set; }

    public string? Tags { get; set; }

    public string? Source { get; set; }

    public string? Org { get; set; }

    public string? ErrorFor(string field) => ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task OnGetAsync(CancellationToken ct) => Org = await EducationPages.HomeCodeAsync(db, await actors.GetAsync(ct), Permission.LibraryManage, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        ModelState.Clear();
        if (Request.ContentLength > LibraryUploads.MaxRequestBytes) return Refuse(new DocumentFileTooLarge(Request.ContentLength.Value));
        if (!Request.HasFormContentType) return Refuse(new DocumentFileEmpty());
        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            // A body sent without its length (chunked) is found too large only as it is read.
            return Refuse(new DocumentFileTooLarge(Request.ContentLength ?? LibraryUploads.MaxRequestBytes + 1));
        }
        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest();
        }
        Title = form["Title"];
        Author = form["Author"];
        Kind = form["Kind"];
        Language = form["Language"];
        Year = form["Year"];
        Tags = form["Tags"];
        Source = form["Source"];
        Org = form["Org"];
        var file = form.Files.GetFile("file");
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
