using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Supporters;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Supporters;

public sealed class SignUpTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.Start.UtcDateTime);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_sign_up_creates_a_supporter_with_the_consent_the_form_asks_for(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var slug = await database.PublishFormAsync(tree.NorthBranch, ConsentPurpose.Events, "May Day rally 2025!");
        Assert.StartsWith("may-day-rally-2025-", slug, StringComparison.Ordinal);
        Assert.Equal("may-day-rally-2025-".Length + 12, slug.Length);

        Assert.Equal(SignUp.Outcome.Registered, (await database.SignUpAsync(slug, "Ana Petrova", "Ana@Example.org")).Ok());

        await using var db = database.Context();
        var supporter = await db.Supporters.Include(s => s.Consents).SingleAsync(TestDatabase.Ct);
        Assert.Equal((tree.NorthBranch, SupporterSource.WebForm, "Ana@Example.org"), (supporter.OrganizationId, supporter.Source, supporter.Email));
        var consent = Assert.Single(supporter.Consents);
        Assert.Equal((ConsentPurpose.Events, ConsentMethod.WebForm, Today), (consent.Purpose, consent.How, consent.GivenOn));
        Assert.NotNull(consent.SignupFormId);
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Supporter), TestDatabase.Ct);
        Assert.Equal((null, $"sign-up form {consent.SignupFormId}"), (entry.UserId, entry.UserName));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_repeated_sign_up_merges_into_the_supporter_and_never_changes_their_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var news = await database.PublishFormAsync(tree.NorthBranch, ConsentPurpose.News);
        var events = await database.PublishFormAsync(tree.NorthBranch, ConsentPurpose.Events, "Rally");
        var elsewhere = await database.PublishFormAsync(tree.SouthBranch, ConsentPurpose.News);

        (await database.SignUpAsync(news, "Ana Petrova", "ana@example.org")).Ok();
        Assert.Equal(SignUp.Outcome.Merged, (await database.SignUpAsync(news, "Someone Else", " ANA@example.org ", phone: "555 0100")).Ok());
        Assert.Equal(SignUp.Outcome.Merged, (await database.SignUpAsync(events, "Ana", "ana@example.org")).Ok());
        Assert.Equal(SignUp.Outcome.Registered, (await database.SignUpAsync(elsewhere, "Ana Petrova", "ana@example.org")).Ok());

        await using var db = database.Context();
        var north = await db.Supporters.Include(s => s.Consents).SingleAsync(s => s.OrganizationId == tree.NorthBranch, TestDatabase.Ct);
        Assert.Equal(("Ana Petrova", "555 0100"), (north.Name, north.Phone));
        Assert.Equal([ConsentPurpose.News, ConsentPurpose.Events], north.Consents.OrderBy(c => c.Id).Select(c => c.Purpose));
        Assert.Equal(2, await db.Supporters.CountAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_sign_up_without_consent_a_filled_honeypot_or_on_a_closed_form_saves_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var slug = await database.PublishFormAsync(tree.NorthBranch);

        var noConsent = (await database.SignUpAsync(slug, "Ana Petrova", "ana@example.org", consent: false)).Fails<ValidationFailed, SignUp.Outcome>();
        Assert.Equal("Consent", Assert.Single(noConsent.Errors).FieldName);
        var bad = (await database.SignUpAsync(slug, "", "no address", consent: true)).Fails<ValidationFailed, SignUp.Outcome>();
        Assert.Equal(["Email", "Name"], bad.Errors.Select(e => e.FieldName).Order());
        Assert.Equal(SignUp.Outcome.Discarded, (await database.SignUpAsync(slug, "Bot", "bot@example.org", honeypot: "http://spam.example")).Ok());
        Assert.IsType<SignupFormNotFound>((await database.SignUpAsync(slug + "x", "Ana Petrova", "ana@example.org")).Error);

        var form = await database.Context().SignupForms.SingleAsync(TestDatabase.Ct);
        (await database.RunAsync((db, a) => OpenSignupForm.HandleAsync(db, a, form.Id, false, TestDatabase.Ct))).Ok();
        Assert.IsType<SignupFormAlreadyAt>((await database.RunAsync((db, a) => OpenSignupForm.HandleAsync(db, a, form.Id, false, TestDatabase.Ct))).Error);
        Assert.IsType<SignupFormClosed>((await database.SignUpAsync(slug, "Ana Petrova", "ana@example.org")).Error);
        Assert.IsType<SignupFormNotFound>((await database.RunAsync((db, a) => OpenSignupForm.HandleAsync(db, a, form.Id, true, TestDatabase.Ct),
            Arrange.Holding(Role.Secretary, tree.South))).Error);

        Assert.Equal(0, await database.CountAsync<Supporter>());
        Assert.Equal(0, await database.CountAsync<Consent>());
    }
}
