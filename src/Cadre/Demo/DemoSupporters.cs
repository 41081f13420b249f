using Cadre.Accounts;
using Cadre.Data;
using Cadre.Supporters;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Demo;

/// The demo branch's supporters, through the use cases: a few met over the past months with their consents (one withdrawn,
/// one without any, so the pages show "no consent for contact"), and a published sign-up form for the branch's news.
internal static class DemoSupporters
{
    public static async Task SeedAsync(CadreDbContext db, int branchId, CancellationToken ct)
    {
        var actor = Actor.System("demo");
        var today = db.Today;
        async Task<int> RegisterAsync(string name, string email, SupporterSource source, int monthsAgo, string[] interests, params ConsentPurpose[] purposes) =>
            Must(await RegisterSupporter.HandleAsync(db, actor, new RegisterSupporter.Request
            {
                OrganizationId = branchId, Source = source, RegisteredOn = today.AddMonths(-monthsAgo),
                Details = new SupporterDetails { Name = name, Email = email, Interests = interests },
                Consents = purposes.Select(p => new RegisterSupporter.ConsentGiven(p, source == SupporterSource.Event ? ConsentMethod.Paper : ConsentMethod.Verbal)).ToList(),
            }, ct));

        await RegisterAsync("Mira Kostova", "mira.kostova@example.org", SupporterSource.Event, 5, ["housing", "youth"], ConsentPurpose.News, ConsentPurpose.Events);
        await RegisterAsync("Tomas Herrera", "tomas.herrera@example.org", SupporterSource.Referral, 3, ["trade unions"], ConsentPurpose.BranchContact);
        var withdrew = await RegisterAsync("Lena Vogt", "lena.vogt@example.org", SupporterSource.Event, 2, ["peace"], ConsentPurpose.News);
        var consent = await db.SupporterConsents.Where(c => c.SupporterId == withdrew).Select(c => c.Id).SingleAsync(ct);
        Must(await WithdrawConsent.HandleAsync(db, actor, withdrew, consent, new WithdrawConsent.Request(today.AddDays(-10)), ct));
        await RegisterAsync("Arjun Mehta", "arjun.mehta@example.org", SupporterSource.Other, 1, ["education"]);
        Must(await PublishSignupForm.HandleAsync(db, actor, new PublishSignupForm.Request
        {
            OrganizationId = branchId, Title = "Stay in touch with the branch", Purpose = ConsentPurpose.News,
            Text = "Leave your name and email address and we will send you the branch's news once a month.",
        }, ct));
    }

    private static T Must<T>(Common.Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The demo supporters were refused: {result.Error.Message}");
}
