using Cadre.Data;
using Cadre.Supporters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cadre.Web.Supporters;

/// A published sign-up form: anonymous, rate-limited per client address, with a honeypot and the antiforgery token every
/// form has. Whatever happened (new, already registered, honeypot), a successful post answers with the same redirect.
[AllowAnonymous]
[EnableRateLimiting(SignupRateLimit.Policy)]
public sealed class JoinModel(CadreDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";

    [BindProperty(SupportsGet = true)] public bool Thanks { get; set; }

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? Phone { get; set; }

    [BindProperty] public bool Consent { get; set; }

    [BindProperty] public string? Website { get; set; }

    public PublicSignupForm? Form { get; private set; }

    public string ConsentText => Form?.Purpose switch
    {
        ConsentPurpose.Events => $"I agree that {Form.OrganizationName} contacts me about its events.",
        ConsentPurpose.BranchContact => $"I agree that {Form.OrganizationName} contacts me.",
        _ => $"I agree that {Form?.OrganizationName} sends me its news.",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Form = await SupporterQueries.PublicFormAsync(db, Slug, ct);
        return Form is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = await SupporterQueries.PublicFormAsync(db, Slug, ct);
        if (Form is null) return NotFound();
        var signed = await SignUp.HandleAsync(db, Slug, new SignUp.Request
        {
            Name = Name ?? "", Email = Email ?? "", Phone = Phone, Consent = Consent, Honeypot = Website,
        }, ct);
        if (signed.IsSuccess) return Redirect($"/join/{Uri.EscapeDataString(Slug)}?thanks=true");
        if (signed.Error is SignupFormClosed)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        ModelState.Clear();
        SupporterPages.AddErrors(ModelState, signed.Error);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
