using System.ComponentModel.DataAnnotations;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Accounts;

/// Creates an account with a first role. The first administrator comes through SetUpFirstAdministrator instead.
public static class CreateUser
{
    public sealed record Request
    {
        [Required(ErrorMessage = "The email address is required.")]
        [EmailAddress(ErrorMessage = "The email address is not valid.")]
        [StringLength(254, ErrorMessage = "The email address can have at most 254 characters.")]
        public string Email { get; init; } = "";

        [Required(ErrorMessage = "The password is required.")]
        [StringLength(200, ErrorMessage = "The password can have at most 200 characters.")]
        public string Password { get; init; } = "";

        [EnumDataType(typeof(Role), ErrorMessage = "The role is not one of the listed values.")]
        public Role Role { get; init; }

        /// The organization's code; none for an administrator.
        public string? OrganizationCode { get; init; }

        /// The member this account belongs to, by member number, if any.
        public string? MemberNumber { get; init; }
    }

    public static async Task<Result<string>> HandleAsync(CadreDbContext db, UserManager<CadreUser> users, Actor actor, Request request, CancellationToken ct)
    {
        if (!actor.Has(Permission.UsersManage) || !actor.IsAdministrator) return new UsersNotPermitted();
        if (Validation.Check(request) is { } invalid) return invalid;

        int? organizationId = null;
        if (request.Role != Role.Administrator)
        {
            if (string.IsNullOrWhiteSpace(request.OrganizationCode))
                return new InvalidField("OrganizationCode", "This role is granted at an organization: give its code.");
            var code = Organization.NormalizeCode(request.OrganizationCode);
            organizationId = await db.Organizations.Where(o => o.Code == code).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
            if (organizationId is null) return new InvalidField("OrganizationCode", $"There is no organization with the code {code}.");
        }
        else if (!string.IsNullOrWhiteSpace(request.OrganizationCode))
        {
            return new InvalidField("OrganizationCode", "The administrator role is global: give no organization.");
        }

        int? personId = null;
        if (!string.IsNullOrWhiteSpace(request.MemberNumber))
        {
            personId = await db.Members.Where(m => m.Number == request.MemberNumber.Trim()).Select(m => (int?)m.PersonId).SingleOrDefaultAsync(ct);
            if (personId is null) return new InvalidField("MemberNumber", "There is no member with that number.");
        }

        var email = request.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null) return new EmailAlreadyUsed(email);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new CadreUser { UserName = email, Email = email, EmailConfirmed = true, PersonId = personId, CreatedAt = db.Now };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded) return Rejected(created);
        db.RoleGrants.Add(RoleGrant.Create(user.Id, request.Role, organizationId, db.Now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user.Id;
    }

    internal static Error Rejected(IdentityResult result)
    {
        var errors = result.Errors.ToList();
        if (errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")) return new EmailAlreadyUsed(errors[0].Description);
        return new PasswordRejected(string.Join(" ", errors.Select(e => e.Description)));
    }
}
