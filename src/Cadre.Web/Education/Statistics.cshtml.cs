using System.Text.Json;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Education;

[Requires(Permission.EducationRead)]
public sealed class StatisticsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    [BindProperty(SupportsGet = true)] public int Months { get; set; } = 12;

    public EducationStatisticsView? Report { get; private set; }

    public string? Problem { get; private set; }

    /// The figures for the charts, as JSON the page's script reads (escaped for a script element: no "<" survives).
    public string ChartJson => Report is not { } r ? "{}" : JsonSerializer.Serialize(new
    {
        courses = r.RequiredCourses.Select(c => c.Title),
        shares = r.RequiredCourses.Select(c => Math.Round(c.Share * 100, 1)),
        months = r.Months.Select(m => m.Label),
        sessions = r.Months.Select(m => m.SessionsHeld),
        rates = r.Months.Select(m => m.AttendanceRate is { } rate ? Math.Round(rate * 100, 1) : (double?)null),
    });

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Org ??= await EducationPages.HomeCodeAsync(db, actor, Permission.EducationRead, ct);
        var organization = await EducationPages.FindAsync(db, actor, Org, Permission.EducationRead, ct);
        if (organization is null)
        {
            if (Request.Query.ContainsKey("org")) return NotFound();
            Problem = "Give the code of an organization whose education you read.";
            return Page();
        }
        var report = await EducationStatistics.RunAsync(db, actor, organization.Id, Months, ct);
        if (report.IsSuccess) Report = report.Value;
        else Problem = report.Error.Message;
        return Page();
    }
}
