using System.Linq.Expressions;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Health;

/// One category's counts, a count per day of Composition.Days.
public sealed record CompositionLine(int Category, string Name, IReadOnlyList<int> Counts);

public sealed record CompositionTable(CompositionOf Of, CompositionDimension Dimension, IReadOnlyList<CompositionLine> Lines, IReadOnlyList<int> Totals);

/// A subtree's composition on the days the job counted (the last five year ends and the day it ran), oldest first.
public sealed record Composition(int OrganizationId, string Code, string Name, DateTime? ComputedAt, IReadOnlyList<DateOnly> Days,
    IReadOnlyList<CompositionTable> Tables);

public sealed record CompositionMembers(int OrganizationId, string OrganizationName, DateOnly On, CompositionOf Of, CompositionDimension Dimension,
    int Category, string CategoryName, int Total, IReadOnlyList<HealthRow> Rows);

/// The composition page's reads: one organization's cells (a few hundred rows, whatever the subtree's size), and the members
/// behind a cell — the same count as ComputeComposition's SQL, as LINQ.
public static class CompositionQueries
{
    public static IReadOnlyList<CompositionOf> Ofs { get; } = [CompositionOf.FullMembers, CompositionOf.Candidates, CompositionOf.Admissions];

    public static IReadOnlyList<CompositionDimension> Dimensions { get; } =
        [CompositionDimension.Occupation, CompositionDimension.Age, CompositionDimension.Sex, CompositionDimension.Education];

    public static async Task<Result<Composition>> CompositionAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        var organization = await FindAsync(db, actor, organizationId, ct);
        if (organization is null) return new HealthOrganizationNotFound();
        var cells = await db.CompositionCells.AsNoTracking().Where(c => c.OrganizationId == organizationId).ToListAsync(ct);
        var days = cells.Select(c => c.On).Distinct().Order().ToList();
        var names = await NamesAsync(db, ct);
        var tables = new List<CompositionTable>();
        foreach (var of in Ofs)
            foreach (var dimension in Dimensions)
            {
                var mine = cells.Where(c => c.Of == of && c.Dimension == dimension).ToList();
                var categories = names[dimension].Select(n => n.Category)
                    .Concat(mine.Select(c => c.Category).Where(c => names[dimension].All(n => n.Category != c)).Order())
                    .ToList();
                var lines = categories.Select(category => new CompositionLine(category, NameOf(names, dimension, category),
                    [.. days.Select(d => mine.FirstOrDefault(c => c.On == d && c.Category == category)?.Members ?? 0)])).ToList();
                tables.Add(new CompositionTable(of, dimension, lines, [.. days.Select(d => mine.Where(c => c.On == d).Sum(c => c.Members))]));
            }
        var computedAt = await db.HealthRuns.OrderByDescending(r => r.FinishedAt).Select(r => (DateTime?)r.FinishedAt).FirstOrDefaultAsync(ct);
        return new Composition(organization.Value.Id, organization.Value.Code, organization.Value.Name, computedAt, days, tables);
    }

    /// The members behind one cell in the organization's subtree (admissions: one row per admission), at most MaxRows, with the total.
    public static async Task<Result<CompositionMembers>> MembersAsync(CadreDbContext db, Actor actor, int organizationId, DateOnly? on,
        CompositionOf? of, CompositionDimension? dimension, int? category, CancellationToken ct)
    {
        if (on is not { } day) return new InvalidField("On", "Give the day counted (YYYY-MM-DD).");
        if (day > db.Today) return new InvalidField("On", "That day has not come yet.");
        if (of is not { } whom || !Ofs.Contains(whom)) return new InvalidField("Of", "Give full members, candidates or admissions.");
        if (dimension is not { } by || !Dimensions.Contains(by)) return new InvalidField("Dimension", "Give occupation, age, sex or education.");
        if (category is not { } c || c < 0 || (by == CompositionDimension.Age && c > CompositionCategories.AgeFrom.Length)
            || (by == CompositionDimension.Sex && c > (int)Sex.Other))
            return new InvalidField("Category", "That is not one of the categories.");
        var organization = await FindAsync(db, actor, organizationId, ct);
        if (organization is null || !await actor.CanAsync(db, Permission.MembersRead, organizationId, ct)) return new HealthOrganizationNotFound();
        var subtree = db.OrganizationPaths.Where(p => p.AncestorId == organizationId).Select(p => p.DescendantId);
        var rows = MembersAt(db, day, db.Today, whom, by, c).Where(r => subtree.Contains(r.OrganizationId));
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(r => r.OrganizationName).ThenBy(r => r.Name).ThenBy(r => r.Id).Take(HealthQueries.MaxRows).ToListAsync(ct);
        var names = await NamesAsync(db, ct);
        return new CompositionMembers(organizationId, organization.Value.Name, day, whom, by, c, NameOf(names, by, c), total, list);
    }

    /// Who ComputeComposition counts in a cell, at the organization where they then belonged (OrganizationId): the full members
    /// or candidates on the day, reconstructed from their history as its SQL does, or the admissions of the day's year up to it.
    public static IQueryable<HealthRow> MembersAt(CadreDbContext db, DateOnly day, DateOnly today, CompositionOf of, CompositionDimension dimension,
        int category)
    {
        var people = db.People.Where(PersonIn(dimension, category, day)).Select(p => p.Id);
        if (of == CompositionOf.Admissions)
        {
            var first = new DateOnly(day.Year, 1, 1);
            return from e in db.MembershipEvents
                   where (e.Kind == MembershipEventKind.Admit || e.Kind == MembershipEventKind.Readmit) && e.On >= first && e.On <= day
                   join m in db.Members on e.MemberId equals m.Id
                   where people.Contains(m.PersonId)
                   join g in db.Organizations on e.OrganizationId equals g.Id
                   select new HealthRow
                   {
                       OrganizationId = g.Id, OrganizationName = g.Name, Kind = "member", Id = m.Id, Label = m.Number,
                       Name = m.Person.GivenName + " " + m.Person.FamilyName, On = e.On,
                   };
        }
        var status = (int)(of == CompositionOf.FullMembers ? MemberStatus.Member : MemberStatus.Candidate);
        var placed = day == today
            ? db.Members.Where(m => (int)m.Status == status).Select(m => new { Member = m, m.OrganizationId })
            : db.Members.Select(m => new
                {
                    Member = m,
                    OrganizationId = db.MembershipEvents.Where(e => e.MemberId == m.Id && e.On > day).OrderBy(e => e.On).ThenBy(e => e.Id)
                        .Select(e => (int?)e.OrganizationId).FirstOrDefault() ?? m.OrganizationId,
                    Status = db.MembershipEvents.Where(e => e.MemberId == m.Id && e.On <= day).OrderByDescending(e => e.On).ThenByDescending(e => e.Id)
                            .Select(e => (int?)(int)e.StatusAfter).FirstOrDefault()
                        ?? (m.JoinedOn <= day
                            ? db.MembershipEvents.Where(e => e.MemberId == m.Id).OrderBy(e => e.On).ThenBy(e => e.Id)
                                .Select(e => (int?)(e.StatusBefore == null ? 0 : (int)e.StatusBefore.Value)).FirstOrDefault() ?? (int)m.Status
                            : null),
                })
                .Where(x => x.Status == status).Select(x => new { x.Member, x.OrganizationId });
        return from x in placed
               where people.Contains(x.Member.PersonId)
               join g in db.Organizations on x.OrganizationId equals g.Id
               select new HealthRow
               {
                   OrganizationId = g.Id, OrganizationName = g.Name, Kind = "member", Id = x.Member.Id, Label = x.Member.Number,
                   Name = x.Member.Person.GivenName + " " + x.Member.Person.FamilyName, On = x.Member.JoinedOn,
               };
    }

    // The people of one category on the day: an age band is a range of dates of birth (CompositionCategories.BandOf).
    private static Expression<Func<Person, bool>> PersonIn(CompositionDimension dimension, int category, DateOnly on)
    {
        int? id = category == CompositionCategories.NotRecorded ? null : category;
        Sex? sex = id is { } s ? (Sex)s : null;
        switch (dimension)
        {
            case CompositionDimension.Occupation: return p => p.OccupationId == id;
            case CompositionDimension.Education: return p => p.EducationId == id;
            case CompositionDimension.Sex: return p => p.Sex == sex;
        }
        if (id is null) return p => p.DateOfBirth == null;
        var bands = CompositionCategories.AgeFrom;
        var oldest = category > 1 ? CompositionCategories.BornAfter(on, bands[category - 1]) : DateOnly.MaxValue;
        var youngest = category < bands.Length ? CompositionCategories.BornAfter(on, bands[category]) : DateOnly.MinValue;
        return category == 1 ? p => p.DateOfBirth > youngest
            : category == bands.Length ? p => p.DateOfBirth <= oldest
            : p => p.DateOfBirth <= oldest && p.DateOfBirth > youngest;
    }

    /// The categories of each dimension in the order shown, "not recorded" last.
    private static async Task<Dictionary<CompositionDimension, List<(int Category, string Name)>>> NamesAsync(CadreDbContext db, CancellationToken ct)
    {
        var classifiers = await db.Classifiers.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Kind, c.Id, c.Name }).ToListAsync(ct);
        List<(int, string)> Of(ClassifierKind kind) =>
            [.. classifiers.Where(c => c.Kind == kind).Select(c => (c.Id, c.Name)), (CompositionCategories.NotRecorded, "Not recorded")];
        return new()
        {
            [CompositionDimension.Occupation] = Of(ClassifierKind.Occupation),
            [CompositionDimension.Education] = Of(ClassifierKind.Education),
            [CompositionDimension.Sex] = [(1, nameof(Sex.Female)), (2, nameof(Sex.Male)), (3, nameof(Sex.Other)), (CompositionCategories.NotRecorded, "Not recorded")],
            [CompositionDimension.Age] = [.. Enumerable.Range(1, CompositionCategories.AgeFrom.Length).Select(b => (b, CompositionCategories.AgeBand(b))),
                (CompositionCategories.NotRecorded, CompositionCategories.AgeBand(CompositionCategories.NotRecorded))],
        };
    }

    private static string NameOf(Dictionary<CompositionDimension, List<(int Category, string Name)>> names, CompositionDimension dimension, int category) =>
        names[dimension].FirstOrDefault(n => n.Category == category).Name ?? $"#{category}";

    private static async Task<(int Id, string Code, string Name)?> FindAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        if (!actor.Has(Permission.HealthRead) || !await actor.CanAsync(db, Permission.HealthRead, organizationId, ct)) return null;
        var o = await db.Organizations.AsNoTracking().Where(x => x.Id == organizationId).Select(x => new { x.Id, x.Code, x.Name }).SingleOrDefaultAsync(ct);
        return o is null ? null : (o.Id, o.Code, o.Name);
    }
}
