using System.ComponentModel.DataAnnotations;
using Cadre.Common;
using Cadre.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Accounts;

/// The first start of an empty installation: creates the first administrator. Refused once any account exists.
public static class SetUpFirstAdministrator
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

        [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        public string ConfirmPassword { get; init; } = "";
    }

    public static async Task<bool> IsNeededAsync(CadreDbContext db, CancellationToken ct) => !await db.Users.AnyAsync(ct);

    public static async Task<Result<CadreUser>> HandleAsync(CadreDbContext db, UserManager<CadreUser> users, Request request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Users.AnyAsync(ct)) return new SetupAlreadyDone();
        var email = request.Email.Trim();
        var user = new CadreUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = db.Now };
        db.CurrentActor.Actor = new Actor(null, email, []);
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded) return CreateUser.Rejected(created);
        db.RoleGrants.Add(RoleGrant.Create(user.Id, Role.Administrator, null, db.Now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user;
    }
}
