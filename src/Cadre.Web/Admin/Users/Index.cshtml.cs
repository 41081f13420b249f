using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Admin.Users;

/// Administrators manage accounts: create one with a first role, grant and revoke roles at organizations.
[Requires(Permission.UsersManage)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors, UserManager<CadreUser> users) : PageModel
{
    public sealed record GrantInput
    {
        [Required(ErrorMessage = "Choose the user.")]
        public string UserId { get; init; } = "";

        [EnumDataType(typeof(Role), ErrorMessage = "The role is not one of the listed values.")]
        public Role Role { get; init; } = Role.Secretary;

        [StringLength(Organization.CodeMaxLength, ErrorMessage = "An organization code is at most 32 characters.")]
        public string? OrganizationCode { get; init; }
    }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Organizations { get; private set; } = [];

    public CreateUser.Request NewUser { get; private set; } = new() { Role = Role.Secretary };

    public GrantInput Grant { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync([Bind(Prefix = nameof(NewUser))] CreateUser.Request newUser, CancellationToken ct)
    {
        NewUser = newUser with { Password = "" };
        if (ModelState.IsValid)
        {
            var created = await CreateUser.HandleAsync(db, users, await actors.GetAsync(ct), newUser, ct);
            if (created.IsSuccess)
            {
                TempData["Flash"] = $"The account {newUser.Email.Trim()} is created.";
                return Redirect("/admin/users");
            }
            if (created.Error is ForbiddenError) return Forbid();
            created.Error.AddTo(ModelState, nameof(NewUser));
        }
        await ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostGrantAsync([Bind(Prefix = nameof(Grant))] GrantInput grant, CancellationToken ct)
    {
        Grant = grant;
        if (ModelState.IsValid)
        {
            int? organizationId = null;
            if (!string.IsNullOrWhiteSpace(grant.OrganizationCode))
            {
                var code = Organization.NormalizeCode(grant.OrganizationCode);
                organizationId = await db.Organizations.Where(o => o.Code == code).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
                if (organizationId is null) ModelState.AddModelError("Grant.OrganizationCode", $"There is no organization with the code {code}.");
            }
            if (ModelState.IsValid)
            {
                var granted = await GrantRole.HandleAsync(db, await actors.GetAsync(ct), new GrantRole.Request(grant.UserId, grant.Role, organizationId), ct);
                if (granted.IsSuccess)
                {
                    TempData["Flash"] = "The role is granted.";
                    return Redirect("/admin/users");
                }
                if (granted.Error is ForbiddenError) return Forbid();
                // GrantRole names the organization by id; the form asks for its code.
                if (granted.Error is InvalidField { FieldName: "OrganizationId" } f) ModelState.AddModelError("Grant.OrganizationCode", f.Message);
                else if (granted.Error is UserNotFound) ModelState.AddModelError("Grant.UserId", granted.Error.Message);
                else granted.Error.AddTo(ModelState, nameof(Grant));
            }
        }
        await ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int grantId, CancellationToken ct)
    {
        var revoked = await RevokeRole.HandleAsync(db, await actors.GetAsync(ct), grantId, ct);
        if (revoked.IsSuccess)
        {
            TempData["Flash"] = "The role is revoked.";
            return Redirect("/admin/users");
        }
        switch (revoked.Error)
        {
            case NotFoundError:
                return NotFound();
            case ForbiddenError:
                return Forbid();
            default:
                ModelState.AddModelError("", revoked.Error.Message);
                await ListAsync(ct);
                return Page();
        }
    }

    private async Task ListAsync(CancellationToken ct)
    {
        Users = await ActorLoader.ListUsersAsync(db, ct);
        Organizations = (await db.Organizations.AsNoTracking().Where(o => o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Code).Select(o => new { o.Code, o.Name }).Take(2000).ToListAsync(ct))
            .Select(o => (o.Code, o.Name)).ToList();
    }
}
