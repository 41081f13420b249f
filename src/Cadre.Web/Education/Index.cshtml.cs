using Cadre.Accounts;
using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Education;

/// Education's front page: the library search for everyone, the member's own courses, and for those who read education
/// the courses and the study groups of their organizations.
[Requires(Permission.LibraryRead)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<CourseRow>? Courses { get; private set; }

    public IReadOnlyList<StudyGroupRow>? Groups { get; private set; }

    public bool CanManage { get; private set; }

    public bool IsAdministrator { get; private set; }

    public bool IsMember { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        IsMember = actor.PersonId is not null;
        IsAdministrator = actor.IsAdministrator;
        CanManage = actor.Has(Permission.EducationManage);
        if (!actor.Has(Permission.EducationRead)) return;
        Courses = (await CourseQueries.ListAsync(db, null, 200, ct)).Value.Items;
        Groups = (await StudyGroupQueries.ListAsync(db, actor, null, null, null, 50, ct)).Value.Items;
    }
}
