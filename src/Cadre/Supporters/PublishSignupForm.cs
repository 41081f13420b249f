using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Supporters;

/// An organization publishes a sign-up form (for an event, for its news) at a public address that cannot be guessed.
public static class PublishSignupForm
{
    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public string Title { get; init; } = "";

        public string Text { get; init; } = "";

        /// The consent the form asks for.
        public ConsentPurpose Purpose { get; init; } = ConsentPurpose.News;
    }

    public sealed record Published(int Id, string Slug);

    public static async Task<Result<Published>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (await SupporterAccess.CheckOrganizationAsync(db, actor, request.OrganizationId, ct) is { } refused) return refused;
        var form = SignupForm.Publish(request.OrganizationId, request.Title ?? "", request.Text ?? "", request.Purpose, db.Today);
        if (!form.IsSuccess) return form.Error;
        db.SignupForms.Add(form.Value);
        await db.SaveChangesAsync(ct);
        return new Published(form.Value.Id, form.Value.Slug);
    }
}
