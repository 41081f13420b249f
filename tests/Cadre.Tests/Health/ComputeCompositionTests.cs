using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Health;
using Cadre.Members;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Health;

public sealed class ComputeCompositionTests
{
    private static readonly DateOnly Today = new(2025, 3, 15);
    private static readonly DateOnly End2020 = new(2020, 12, 31);
    private static readonly DateOnly End2023 = new(2023, 12, 31);
    private static readonly DateOnly End2024 = new(2024, 12, 31);

    /// The health party, with occupations, education, sexes and dates of birth spread over its people (one of each left blank).
    private static async Task<HealthParty> PartyAsync(TestDatabase database)
    {
        var party = await database.HealthPartyAsync();
        await using var db = database.Context();
        var occupations = await db.Classifiers.Where(c => c.Kind == ClassifierKind.Occupation).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(TestDatabase.Ct);
        var education = await db.Classifiers.Where(c => c.Kind == ClassifierKind.Education).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(TestDatabase.Ct);
        var people = await db.People.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(TestDatabase.Ct);
        for (var i = 0; i < people.Count; i++)
        {
            var id = people[i];
            int? occupation = i == 1 ? null : occupations[i % 3];
            int? school = i == 2 ? null : education[i % 4];
            Sex? sex = i == 3 ? null : i % 2 == 0 ? Sex.Female : Sex.Male;
            DateOnly? born = i == 4 ? null : new DateOnly(1950 + (i * 7 % 50), 1 + i % 12, 1 + i % 28);
            await db.People.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.OccupationId, occupation)
                .SetProperty(p => p.EducationId, school).SetProperty(p => p.Sex, sex).SetProperty(p => p.DateOfBirth, born), TestDatabase.Ct);
        }
        return party;
    }

    private static async Task<Dictionary<(int Organization, DateOnly On, CompositionOf Of, CompositionDimension Dimension, int Category), CompositionCell>>
        CellsAsync(CadreDbContext db) =>
        (await db.CompositionCells.AsNoTracking().ToListAsync(TestDatabase.Ct)).ToDictionary(c => (c.OrganizationId, c.On, c.Of, c.Dimension, c.Category));

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Every_cell_equals_a_recount_of_the_members_behind_it_at_every_organization_and_day(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await PartyAsync(database);
        await database.ComputeAsync(flowMonths: 1);

        await using var db = database.Context();
        Assert.Equal(Today, db.Today);
        var cells = await CellsAsync(db);
        var organizations = await db.Organizations.Select(o => o.Id).ToListAsync(TestDatabase.Ct);
        var paths = await db.OrganizationPaths.Select(p => new { p.AncestorId, p.DescendantId }).ToListAsync(TestDatabase.Ct);
        var classifiers = await db.Classifiers.Select(c => new { c.Kind, c.Id }).ToListAsync(TestDatabase.Ct);
        var days = CompositionCategories.Points(Today);
        Assert.Equal(days.ToHashSet(), cells.Keys.Select(k => k.On).ToHashSet());
        var checkedCells = 0;
        foreach (var day in days)
            foreach (var of in CompositionQueries.Ofs)
                foreach (var dimension in CompositionQueries.Dimensions)
                {
                    IEnumerable<int> categories = dimension switch
                    {
                        CompositionDimension.Occupation => classifiers.Where(c => c.Kind == ClassifierKind.Occupation).Select(c => c.Id),
                        CompositionDimension.Education => classifiers.Where(c => c.Kind == ClassifierKind.Education).Select(c => c.Id),
                        CompositionDimension.Sex => [1, 2, 3],
                        _ => Enumerable.Range(1, CompositionCategories.AgeFrom.Length),
                    };
                    foreach (var category in categories.Append(CompositionCategories.NotRecorded))
                    {
                        var rows = await CompositionQueries.MembersAt(db, day, Today, of, dimension, category).Select(r => r.OrganizationId).ToListAsync(TestDatabase.Ct);
                        foreach (var organization in organizations)
                        {
                            var subtree = paths.Where(p => p.AncestorId == organization).Select(p => p.DescendantId).ToHashSet();
                            var cell = cells.GetValueOrDefault((organization, day, of, dimension, category));
                            var where = $"{of} by {dimension} #{category} on {day} at {organization}";
                            Assert.True(rows.Count(subtree.Contains) == (cell?.Members ?? 0), $"{where}: stored {cell?.Members}, recounted {rows.Count(subtree.Contains)}");
                            Assert.True(rows.Count(o => o == organization) == (cell?.OwnMembers ?? 0), $"{where}: own");
                            checkedCells++;
                        }
                    }
                }
        Assert.True(checkedCells > 5000);
        // Something was counted in every dimension, including what was not recorded.
        Assert.Contains(cells.Values, c => c.Dimension == CompositionDimension.Age && c.Category == CompositionCategories.NotRecorded && c.Members > 0);
        Assert.Contains(cells.Values, c => c.Of == CompositionOf.Admissions && c.Members > 0);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Admissions_lapses_deaths_and_transfers_move_the_counts_on_the_day_they_happened(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var party = await database.HealthPartyAsync();
        await database.ComputeAsync(flowMonths: 1);

        await using var db = database.Context();
        var cells = await CellsAsync(db);
        int Sex(int organization, DateOnly on, CompositionOf of) =>
            cells.GetValueOrDefault((organization, on, of, CompositionDimension.Sex, (int)Cadre.Members.Sex.Female))?.Members ?? 0;
        var centre = party.Tree.Centre;

        // Eleven registered full members (joined 2020-05-01): nine of the party, the candidate's two sponsors.
        Assert.Equal(11, Sex(centre, End2020, CompositionOf.FullMembers));
        Assert.Equal(11, Sex(centre, End2023, CompositionOf.FullMembers));
        Assert.Equal(0, Sex(centre, End2023, CompositionOf.Candidates));
        // Old Timer died on 24 December 2024; Kim was admitted as a candidate on 1 February 2024.
        Assert.Equal(10, Sex(centre, End2024, CompositionOf.FullMembers));
        Assert.Equal(1, Sex(centre, End2024, CompositionOf.Candidates));
        Assert.Equal(1, Sex(centre, End2024, CompositionOf.Admissions));
        Assert.Equal(0, Sex(centre, End2023, CompositionOf.Admissions));
        Assert.Equal(0, Sex(centre, Today, CompositionOf.Admissions));
        // Max resigned (10 February) and Lea lapsed (2 March): today eight full members and the candidate, as the members indicator.
        Assert.Equal(8, Sex(centre, Today, CompositionOf.FullMembers));
        Assert.Equal(1, Sex(centre, Today, CompositionOf.Candidates));
        var members = await db.IndicatorValues.SingleAsync(v => v.OrganizationId == centre && v.Indicator == "members" && v.Month == new DateOnly(2025, 3, 1),
            TestDatabase.Ct);
        Assert.Equal(members.Value, Sex(centre, Today, CompositionOf.FullMembers) + Sex(centre, Today, CompositionOf.Candidates));
        // Tom moved from the third north branch to the south branch on 20 January 2025: counted where he then belonged.
        Assert.Equal(1, Sex(party.Tree.NorthBranch3, End2024, CompositionOf.FullMembers));
        Assert.Equal(0, Sex(party.Tree.NorthBranch3, Today, CompositionOf.FullMembers));
        Assert.Equal(Sex(party.Tree.SouthBranch, End2024, CompositionOf.FullMembers) + 1, Sex(party.Tree.SouthBranch, Today, CompositionOf.FullMembers));
        // Everyone was born on 4 March 1980: 40 at the end of 2020 (36–40), 44 at the end of 2024 and 45 today (41–45).
        int Band(DateOnly on, int band) => cells.GetValueOrDefault((centre, on, CompositionOf.FullMembers, CompositionDimension.Age, band))?.Members ?? 0;
        Assert.Equal(11, Band(End2020, 3));
        Assert.Equal(10, Band(End2024, 4));
        Assert.Equal(8, Band(Today, 4));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_members_behind_a_count_are_those_of_the_readers_subtree_and_a_second_run_replaces_the_cells(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var party = await database.HealthPartyAsync();
        await database.ComputeAsync(flowMonths: 1);
        var tree = party.Tree;
        var secretary = new Actor("north", "north", [(Role.Secretary, tree.NorthDistrict)]);

        await using (var db = database.Context())
        {
            var north = (await CompositionQueries.MembersAsync(db, secretary, tree.NorthDistrict, End2024, CompositionOf.FullMembers,
                CompositionDimension.Sex, (int)Sex.Female, TestDatabase.Ct)).Ok();
            var subtree = await db.OrganizationPaths.Where(p => p.AncestorId == tree.NorthDistrict).Select(p => p.DescendantId).ToListAsync(TestDatabase.Ct);
            Assert.NotEmpty(north.Rows);
            Assert.All(north.Rows, r => Assert.Contains(r.OrganizationId, subtree));
            var cell = await db.CompositionCells.SingleAsync(c => c.OrganizationId == tree.NorthDistrict && c.On == End2024 && c.Of == CompositionOf.FullMembers
                && c.Dimension == CompositionDimension.Sex && c.Category == (int)Sex.Female, TestDatabase.Ct);
            Assert.Equal(cell.Members, north.Total);

            // Outside the subtree (the south district, the centre above) nothing is found; bad input is a named error.
            Assert.IsType<HealthOrganizationNotFound>((await CompositionQueries.CompositionAsync(db, secretary, tree.SouthDistrict, TestDatabase.Ct)).Error);
            Assert.IsType<HealthOrganizationNotFound>((await CompositionQueries.MembersAsync(db, secretary, tree.Centre, End2024, CompositionOf.FullMembers,
                CompositionDimension.Sex, 1, TestDatabase.Ct)).Error);
            Assert.IsAssignableFrom<InvalidField>((await CompositionQueries.MembersAsync(db, secretary, tree.NorthDistrict, End2024, CompositionOf.FullMembers,
                CompositionDimension.Age, 99, TestDatabase.Ct)).Error);
            var composition = (await CompositionQueries.CompositionAsync(db, secretary, tree.NorthDistrict, TestDatabase.Ct)).Ok();
            Assert.Equal(CompositionCategories.Points(Today), composition.Days);
            // Every dimension adds up to the same total on each day.
            foreach (var of in CompositionQueries.Ofs)
            {
                var totals = composition.Tables.Where(t => t.Of == of).Select(t => string.Join(",", t.Totals)).Distinct().ToList();
                Assert.Single(totals);
            }
        }

        var before = await database.CountAsync<CompositionCell>();
        await database.ComputeAsync(flowMonths: 1);
        Assert.Equal(before, await database.CountAsync<CompositionCell>());
    }
}
