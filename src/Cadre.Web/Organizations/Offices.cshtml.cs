using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Organizations;

[Requires(Permission.OfficesManage)]
public sealed class OfficesModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public sealed record AppointForm
    {
        public int OfficeId { get; init; }

        public string? MemberNumber { get; init; }

        public DateOnly StartsOn { get; init; }

        public DateOnly? EndsOn { get; init; }
    }

    [BindProperty]
    public CreateOffice.Request NewOffice { get; set; } = new();

    [BindProperty]
    public CreateBody.Request NewBody { get; set; } = new();

    [BindProperty]
    public AppointForm Appoint { get; set; } = new();

    public OrganizationDetails Organization { get; private set; } = null!;

    public IReadOnlyList<MemberRow> Candidates { get; private set; } = [];

    public DateOnly Today => db.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddOfficeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var result = await CreateOffice.HandleAsync(db, await actors.GetAsync(ct), id, NewOffice, ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "NewOffice", $"The office {NewOffice.Title.Trim()} was added.", ct);
    }

    public async Task<IActionResult> OnPostAddBodyAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var result = await CreateBody.HandleAsync(db, await actors.GetAsync(ct), id, NewBody, ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "NewBody", $"The body {NewBody.Name.Trim()} was added.", ct);
    }

    public async Task<IActionResult> OnPostAppointAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        if (!Organization.Offices.Any(o => o.Id == Appoint.OfficeId)) return NotFound();
        var number = Appoint.MemberNumber?.Trim() ?? "";
        var personId = await db.Members.Where(m => m.Number == number).Select(m => (int?)m.PersonId).SingleOrDefaultAsync(ct);
        Error? error = personId is null
            ? new InvalidField("MemberNumber", number.Length == 0 ? "Give the member number of the new holder." : $"There is no member with the number {number}.")
            : null;
        if (error is null)
        {
            var result = await AppointToOffice.HandleAsync(db, await actors.GetAsync(ct), Appoint.OfficeId,
                new AppointToOffice.Request { PersonId = personId!.Value, StartsOn = Appoint.StartsOn, EndsOn = Appoint.EndsOn }, ct);
            error = result.IsSuccess ? null : result.Error;
        }
        return await AfterAsync(id, error, "Appoint", "The term was recorded.", ct,
            new Dictionary<string, string> { ["PersonId"] = "MemberNumber" });
    }

    public async Task<IActionResult> OnPostEndTermAsync(int id, int termId, DateOnly endsOn, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        if (!Organization.Offices.SelectMany(o => o.Terms).Any(t => t.Id == termId)) return NotFound();
        var result = await EndTerm.HandleAsync(db, await actors.GetAsync(ct), termId, new EndTerm.Request(endsOn), ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "EndTerm", "The term was ended.", ct);
    }

    private async Task<IActionResult> AfterAsync(int id, Error? error, string prefix, string flash, CancellationToken ct,
        IReadOnlyDictionary<string, string>? renames = null)
    {
        if (error is null)
        {
            TempData["Flash"] = flash;
            return Redirect($"/organizations/{id}/offices");
        }
        // A field-less error (a conflict) goes to the summary; a field error to its field.
        error.AddTo(ModelState, prefix, renames);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var found = await OrganizationQueries.GetAsync(db, actor, id, ct);
        if (!found.IsSuccess || !found.Value.CanManageOffices || found.Value.Status != OrganizationStatus.Active) return false;
        Organization = found.Value;
        Candidates = await MemberQueries.CandidatesForOfficeAsync(db, actor, id, null, ct);
        return true;
    }
}
