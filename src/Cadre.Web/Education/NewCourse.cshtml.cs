using Cadre.Accounts;
using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Education;

[Requires(Permission.EducationManage)]
public sealed class NewCourseModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Description { get; set; }

    [BindProperty] public string? Org { get; set; }

    [BindProperty] public RequiredStage RequiredFor { get; set; }

    [BindProperty] public int CompletionPercent { get; set; } = 80;

    public string? ErrorFor(string field) => ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task OnGetAsync(CancellationToken ct) => Org = await EducationPages.HomeCodeAsync(db, await actors.GetAsync(ct), Permission.EducationManage, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var organization = await EducationPages.FindAsync(db, actor, Org, Permission.EducationManage, ct);
        Cadre.Common.Error? error = organization is null ? new EducationOrganizationNotFound() : null;
        if (organization is not null)
        {
            var created = await CreateCourse.HandleAsync(db, actor, new CreateCourse.Request
            {
                OrganizationId = organization.Id, Title = Title ?? "", Description = Description, RequiredFor = RequiredFor, CompletionPercent = CompletionPercent,
            }, ct);
            if (created.IsSuccess)
            {
                TempData["Flash"] = "The course is created: add its lessons.";
                return Redirect($"/education/courses/{created.Value}");
            }
            error = created.Error;
        }
        ModelState.Clear();
        error!.AddTo(ModelState, "", new Dictionary<string, string> { ["OrganizationId"] = "" });
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
