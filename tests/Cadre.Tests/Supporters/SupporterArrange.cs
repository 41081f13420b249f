using Cadre.Accounts;
using Cadre.Common;
using Cadre.Supporters;
using Cadre.Tests.Infrastructure;

namespace Cadre.Tests.Supporters;

/// Intent methods for the supporters, through their use cases.
public static class SupporterArrange
{
    public static Task<Result<int>> TryRegisterSupporterAsync(this TestDatabase database, int organizationId, string name, string? email = null,
        Actor? actor = null, params RegisterSupporter.ConsentGiven[] consents) =>
        database.RunAsync((db, a) => RegisterSupporter.HandleAsync(db, a, new RegisterSupporter.Request
        {
            OrganizationId = organizationId, Source = SupporterSource.Event,
            Details = new SupporterDetails { Name = name, Email = email, Phone = "+44 20 7946 0958", Interests = ["Housing", "peace, housing"] },
            Consents = consents,
        }, TestDatabase.Ct), actor);

    public static async Task<int> RegisterSupporterAsync(this TestDatabase database, int organizationId, string name, string? email = null,
        params RegisterSupporter.ConsentGiven[] consents) =>
        (await database.TryRegisterSupporterAsync(organizationId, name, email, null, consents)).Ok();

    public static async Task<string> PublishFormAsync(this TestDatabase database, int organizationId, ConsentPurpose purpose = ConsentPurpose.News,
        string title = "Sign up for our news") =>
        (await database.RunAsync((db, a) => PublishSignupForm.HandleAsync(db, a, new PublishSignupForm.Request
        {
            OrganizationId = organizationId, Title = title, Text = "Once a month.", Purpose = purpose,
        }, TestDatabase.Ct))).Ok().Slug;

    public static Task<Result<SignUp.Outcome>> SignUpAsync(this TestDatabase database, string slug, string name, string email, bool consent = true,
        string? honeypot = null, string? phone = null) =>
        SignUp.HandleAsync(database.Context(), slug, new SignUp.Request { Name = name, Email = email, Consent = consent, Honeypot = honeypot, Phone = phone },
            TestDatabase.Ct);

    public static async Task<SupporterView> SupporterAsync(this TestDatabase database, int id, Actor? actor = null) =>
        (await SupporterQueries.GetAsync(database.Context(), actor ?? ArrangeMembership.Admin, id, TestDatabase.Ct)).Ok();
}
