using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.International;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.International;

public sealed class DeclarationTests
{
    private static readonly DateOnly Adopted = new(1992, 4, 20);

    private sealed record Setup(TestDatabase Database, Tree Tree, Actor Officer, int Declaration, int Korea, int Cuba, int Laos, int France);

    private static async Task<Setup> ArrangeAsync(TestDatabase database)
    {
        var tree = await database.CreateTreeAsync();
        var officer = Arrange.Holding(Role.InternationalOfficer, tree.Centre);
        var korea = await database.RegisterPartyAsync("PRK", "Joseon-Rodong-Dang", "Workers' Party of Korea");
        var cuba = await database.RegisterPartyAsync("CUB", "Partido Comunista de Cuba", "Communist Party of Cuba");
        var laos = await database.RegisterPartyAsync("LAO", "Lao People's Revolutionary Party");
        var france = await database.RegisterPartyAsync("FRA", "Parti communiste français", "French Communist Party");
        var declaration = (await database.RunAsync((db, a) => AdoptDeclaration.HandleAsync(db, a, new AdoptDeclaration.Request
        {
            OrganizationId = tree.Centre, Title = "Let us defend and advance the cause of socialism", AdoptedOn = Adopted, Place = "Pyongyang",
            Language = "en", Text = "The parties signing this declaration …",
        }, TestDatabase.Ct), officer)).Ok();
        return new Setup(database, tree, officer, declaration, korea, cuba, laos, france);
    }

    private static Task<Result<int>> SignAsync(Setup s, DateOnly on, params int[] parties) =>
        s.Database.RunAsync((db, a) => SignDeclaration.HandleAsync(db, a, s.Declaration, new SignDeclaration.Request(parties, on), TestDatabase.Ct), s.Officer);

    private static Task<Result<Done>> WithdrawAsync(Setup s, int party, DateOnly on) =>
        s.Database.RunAsync((db, a) => WithdrawSignatory.HandleAsync(db, a, s.Declaration, new WithdrawSignatory.Request(party, on, "Left"), TestDatabase.Ct), s.Officer);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Signatories_adherents_and_withdrawals_make_the_statistics_and_the_export(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ArrangeAsync(database);

        Assert.Equal(2, (await SignAsync(s, Adopted, s.Korea, s.Cuba)).Ok());
        Assert.Equal(2, (await SignAsync(s, new DateOnly(1993, 1, 5), s.Laos, s.France)).Ok());
        (await WithdrawAsync(s, s.France, new DateOnly(2001, 6, 1))).Ok();

        var stats = (await DeclarationQueries.StatisticsAsync(database.Context(), s.Officer, s.Declaration, TestDatabase.Ct)).Ok();
        Assert.Equal((4, 2, 2, 1, 3), (stats.Total, stats.Original, stats.Adherents, stats.Withdrawn, stats.Current));
        Assert.Equal([("Asia", 2), ("Americas", 1), ("Europe", 0)], stats.ByRegion.Select(t => (t.Key, t.Current)));
        Assert.Equal([("1992", 2), ("1993", 2)], stats.ByYear.Select(t => (t.Key, t.Total)));
        var export = (await DeclarationQueries.ExportAsync(database.Context(), s.Officer, s.Declaration, TestDatabase.Ct)).Ok();
        var lines = System.Text.Encoding.UTF8.GetString(export.Content).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("party,short_name,country_code,country,region,signed_on,kind,withdrawn_on,withdrawal_note", lines[0]);
        Assert.Contains("French Communist Party,,FRA,France,Europe,1993-01-05,adherent,2001-06-01,Left", lines);
        Assert.Equal(5, lines.Length);
        await using var db = database.Context();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityType == "SignatoryExport" && e.UserName == s.Officer.Name, TestDatabase.Ct));
        Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Signatory) && e.Action == Cadre.Audit.AuditAction.Created, TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_second_signature_an_early_date_or_a_withdrawal_before_signing_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ArrangeAsync(database);
        (await SignAsync(s, new DateOnly(1995, 1, 1), s.Korea)).Ok();

        Assert.IsType<AlreadySignatory>((await SignAsync(s, new DateOnly(1996, 1, 1), s.Cuba, s.Korea)).Error);
        Assert.Equal("SignedOn", Assert.IsType<InvalidField>((await SignAsync(s, Adopted.AddDays(-1), s.Cuba)).Error).FieldName);
        Assert.IsType<InvalidField>((await SignAsync(s, new DateOnly(1996, 1, 1), s.Cuba, s.Cuba)).Error);
        Assert.IsType<PartyFieldNotFound>((await SignAsync(s, new DateOnly(1996, 1, 1), s.Cuba + 1000)).Error);
        Assert.Equal("On", Assert.IsType<InvalidField>((await WithdrawAsync(s, s.Korea, new DateOnly(1994, 12, 31))).Error).FieldName);
        Assert.IsType<NotASignatory>((await WithdrawAsync(s, s.Cuba, new DateOnly(1999, 1, 1))).Error);
        (await WithdrawAsync(s, s.Korea, new DateOnly(1999, 1, 1))).Ok();
        Assert.IsType<SignatoryWithdrawn>((await WithdrawAsync(s, s.Korea, new DateOnly(2000, 1, 1))).Error);
        Assert.IsType<SignatoryWithdrawn>((await SignAsync(s, new DateOnly(2000, 1, 1), s.Korea)).Error);

        await using var db = database.Context();
        var signatory = await db.Signatories.SingleAsync(TestDatabase.Ct);
        Assert.Equal((s.Korea, new DateOnly(1999, 1, 1)), (signatory.PartyId, signatory.WithdrawnOn));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Texts_keep_their_versions_and_the_public_page_shows_only_a_published_declarations_current_signatories(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ArrangeAsync(database);
        Assert.Equal(1, (await database.RunAsync((db, a) => ReviseDeclaration.AddTextAsync(db, a, s.Declaration, new("ko", "사회주의 위업을 옹호하고 전진시키자"), TestDatabase.Ct), s.Officer)).Ok());
        Assert.Equal(2, (await database.RunAsync((db, a) => ReviseDeclaration.AddTextAsync(db, a, s.Declaration, new("en", "The parties signing this declaration, corrected."), TestDatabase.Ct), s.Officer)).Ok());
        Assert.IsType<DeclarationTextUnchanged>((await database.RunAsync((db, a) => ReviseDeclaration.AddTextAsync(db, a, s.Declaration, new("en", "The parties signing this declaration, corrected."), TestDatabase.Ct), s.Officer)).Error);
        Assert.IsType<ValidationFailed>((await database.RunAsync((db, a) => ReviseDeclaration.AddTextAsync(db, a, s.Declaration, new("e n", ""), TestDatabase.Ct), s.Officer)).Error);
        (await SignAsync(s, Adopted, s.Korea, s.Cuba)).Ok();
        (await WithdrawAsync(s, s.Cuba, new DateOnly(2000, 1, 1))).Ok();

        Assert.IsType<DeclarationNotFound>((await DeclarationQueries.PublicAsync(database.Context(), s.Declaration, TestDatabase.Ct)).Error);
        (await database.RunAsync((db, a) => ReviseDeclaration.PublishAsync(db, a, s.Declaration, true, TestDatabase.Ct), s.Officer)).Ok();
        var shown = (await DeclarationQueries.PublicAsync(database.Context(), s.Declaration, TestDatabase.Ct)).Ok();
        Assert.Equal(["Workers' Party of Korea"], shown.Signatories.Select(x => x.PartyName));
        Assert.Equal([("en", 2, 2), ("ko", 1, 1)], shown.Texts.Select(t => (t.Language, t.Number, t.Versions)));

        var south = Arrange.Holding(Role.InternationalOfficer, s.Tree.South);
        var secretary = Arrange.Holding(Role.Secretary, s.Tree.Centre);
        Assert.IsType<DeclarationNotFound>((await DeclarationQueries.GetAsync(database.Context(), south, s.Declaration, TestDatabase.Ct)).Error);
        Assert.IsType<DeclarationNotFound>((await database.RunAsync((db, a) => SignDeclaration.HandleAsync(db, a, s.Declaration, new([s.Laos], Adopted), TestDatabase.Ct), south)).Error);
        Assert.IsType<InternationalNotPermitted>((await database.RunAsync((db, a) => SignDeclaration.HandleAsync(db, a, s.Declaration, new([s.Laos], Adopted), TestDatabase.Ct), secretary)).Error);
        Assert.Empty(await DeclarationQueries.ListAsync(database.Context(), south, TestDatabase.Ct));
        var refused = (await database.RunAsync((db, a) => AdoptDeclaration.HandleAsync(db, a, new AdoptDeclaration.Request
        {
            OrganizationId = s.Tree.Centre, Title = "", AdoptedOn = database.Clock.Today.AddDays(1), Language = "", Text = "",
        }, TestDatabase.Ct), s.Officer)).Fails<ValidationFailed, int>();
        Assert.Equal(["Title", "AdoptedOn", "Language", "Text"], refused.Errors.Select(e => e.FieldName));
    }
}
