using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Organizations;

[Requires(Permission.OrganizationsRead)]
public sealed class DetailsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public OrganizationDetails Organization { get; private set; } = null!;

    public IReadOnlyList<VersionRow> History { get; private set; } = [];

    public Dictionary<int, string> ParentNames { get; private set; } = [];

    public IReadOnlyList<MemberRow>? Members { get; private set; }

    public bool CanReadMembers { get; private set; }

    public MemberComposition? Composition { get; private set; }

    public bool CanReadAudit { get; private set; }

    public bool IsPrimary { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var found = await OrganizationQueries.GetAsync(db, actor, id, ct);
        if (!found.IsSuccess) return NotFound();
        Organization = found.Value;
        History = (await OrganizationQueries.HistoryAsync(db, actor, id, ct)).Value;
        var parentIds = History.Where(v => v.ParentId is not null).Select(v => v.ParentId!.Value).Distinct().ToList();
        ParentNames = await db.Organizations.Where(o => parentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        CanReadMembers = await actor.CanAsync(db, Permission.MembersRead, id, ct);
        CanReadAudit = await actor.CanAsync(db, Permission.AuditRead, id, ct);
        var lowest = await db.Levels.MaxAsync(l => l.Rank, ct);
        IsPrimary = await db.Levels.AnyAsync(l => l.Id == Organization.LevelId && l.Rank == lowest, ct);
        if (CanReadMembers && Organization.SubtreeMemberCount > 0)
            Composition = (await MemberCounts.CompositionAsync(db, actor, id, ct)).Value;
        if (CanReadMembers && Organization.MemberCount > 0)
        {
            var page = await MemberQueries.ListAsync(db, actor, new MemberFilter { OrganizationId = id, Status = null, Take = 25 }, ct);
            if (page.IsSuccess) Members = page.Value.Items.Where(m => m.OrganizationId == id).ToList();
        }
        return Page();
    }
}
