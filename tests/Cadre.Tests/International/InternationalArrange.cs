using System.Text;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.International;
using Cadre.Tests.Infrastructure;

namespace Cadre.Tests.International;

/// Intent methods for the international work, through its use cases.
public static class InternationalArrange
{
    public const string Header = "country,partyfacts_id,technical,name_short,name,name_english,name_other,year_first,year_last,share,share_year,new,wikipedia,description,comment,created,modified";

    public static string PartyFile(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    public static Task<Result<ImportParties.Report>> ImportPartiesAsync(this TestDatabase database, string csv, Actor? actor = null) =>
        database.RunAsync((db, a) => ImportParties.HandleAsync(db, a, new MemoryStream(Encoding.UTF8.GetBytes(csv)), TestDatabase.Ct), actor);

    public static async Task<int> RegisterPartyAsync(this TestDatabase database, string country, string name, string? english = null, int? founded = null,
        int? dissolved = null, string? family = null) =>
        (await database.RunAsync((db, a) => RegisterParty.HandleAsync(db, a, new RegisterParty.Request
        {
            Details = new PartyDetails { CountryCode = country, Name = name, NameEnglish = english, FoundedYear = founded, DissolvedYear = dissolved },
            Family = family,
        }, TestDatabase.Ct))).Ok();

    public static async Task<List<PartyRow>> FindPartiesAsync(this TestDatabase database, PartyFilter filter) =>
        (await PartyQueries.ListAsync(database.Context(), filter, TestDatabase.Ct)).Ok().Items.ToList();
}
