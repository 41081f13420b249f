using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Supporters;

/// Someone signs up on a public form: a supporter of the form's organization with the consent the form asks for, given on a
/// web form today. The answer is the same whether they were registered before or not (decision 0065): a repeated sign-up adds
/// the consent when it is not live and fills in a missing phone, never changes the name; a filled honeypot is discarded.
public static class SignUp
{
    public sealed record Request
    {
        public string Name { get; init; } = "";

        public string Email { get; init; } = "";

        public string? Phone { get; init; }

        public bool Consent { get; init; }

        /// A field people do not see and bots fill in.
        public string? Honeypot { get; init; }
    }

    public enum Outcome
    {
        Registered,
        Merged,
        Discarded,
    }

    public static async Task<Result<Outcome>> HandleAsync(CadreDbContext db, string slug, Request request, CancellationToken ct)
    {
        var form = await db.SignupForms.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == slug, ct);
        if (form is null) return new SignupFormNotFound();
        if (!form.IsOpen) return new SignupFormClosed();
        if (!string.IsNullOrWhiteSpace(request.Honeypot)) return Outcome.Discarded;

        var details = new SupporterDetails { Name = request.Name ?? "", Email = request.Email, Phone = request.Phone };
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(request.Email)) errors.Add(new InvalidField("Email", "The email address is required."));
        if (!request.Consent) errors.Add(new ConsentRequired());
        if (Validation.Check(details, errors) is { } invalid) return invalid;

        db.CurrentActor.Actor = new Actor(null, $"sign-up form {form.Id}", []);
        var key = Text.SearchKey(request.Email.Trim());
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await SaveAsync(db, form, details, key, ct);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same address signed up a moment earlier (the unique index refused the second): merge into it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Outcome> SaveAsync(CadreDbContext db, SignupForm form, SupporterDetails details, string key, CancellationToken ct)
    {
        var today = db.Today;
        var existing = await db.Supporters.Include(s => s.Consents)
            .SingleOrDefaultAsync(s => s.OrganizationId == form.OrganizationId && s.EmailKey == key, ct);
        if (existing is not null)
        {
            if (existing.LiveConsent(form.Purpose) is null)
                _ = existing.GiveConsent(form.Purpose, today < existing.RegisteredOn ? existing.RegisteredOn : today, ConsentMethod.WebForm, form.Id, today);
            existing.FillIn(details.Phone);
            await db.SaveChangesAsync(ct);
            return Outcome.Merged;
        }
        var supporter = Supporter.Register(form.OrganizationId, details, SupporterSource.WebForm, today, today).Value;
        supporter.GiveConsent(form.Purpose, today, ConsentMethod.WebForm, form.Id, today);
        db.Supporters.Add(supporter);
        await db.SaveChangesAsync(ct);
        return Outcome.Registered;
    }
}
