using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<CadreUser> signIn) : PageModel
{
    public sealed record Credentials
    {
        [Required(ErrorMessage = "The email address is required.")]
        [StringLength(254)]
        public string Email { get; init; } = "";

        [Required(ErrorMessage = "The password is required.")]
        [StringLength(200)]
        public string Password { get; init; } = "";
    }

    [BindProperty]
    public Credentials Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        // One message for a wrong email and a wrong password: the form must not reveal who has an account.
        ModelState.AddModelError("", result.IsLockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes."
            : "The email address or the password is wrong.");
        return Page();
    }
}
