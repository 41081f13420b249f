using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Dues;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Health;

public sealed record IndicatorPoint(DateOnly Month, int Value, int Base)
{
    public double? Share => Base == 0 ? null : (double)Value / Base;
}

public sealed record IndicatorSeries(string Code, string Name, string Group, IndicatorKind Kind, IndicatorUnit Unit, Better Better, string Definition,
    IndicatorPoint Latest, IReadOnlyList<IndicatorPoint> Points)
{
    /// The number shown: a share for shares, the count otherwise.
    public double Figure => Unit == IndicatorUnit.Share ? Latest.Share ?? 0 : Latest.Value;
}

public sealed record SubOrganization(int OrganizationId, string Code, string Name, int Value, int Base, int Members, double Score);

public sealed record Weakest(string Indicator, string Name, IndicatorUnit Unit, SubOrganization Organization);

public sealed record WarningRow(int Id, int RuleId, string Rule, string Indicator, int OrganizationId, string OrganizationName, DateOnly Month,
    DateOnly RaisedOn, decimal Observed, decimal Threshold, WarningMeasure Measure, WarningStatus Status, string? AcknowledgedBy, string? ResolvedBy,
    string? Note);

public sealed record Dashboard(int OrganizationId, string Code, string Name, DateOnly Month, DateTime? ComputedAt, IReadOnlyList<IndicatorSeries> Indicators,
    IReadOnlyList<Weakest> Weakest, IReadOnlyList<WarningRow> OpenWarnings, bool HasSubOrganizations);

public sealed record Comparison(int OrganizationId, string Name, string Indicator, string IndicatorName, IndicatorUnit Unit, Better Better, DateOnly Month,
    IReadOnlyList<SubOrganization> Rows);

public sealed record RowsBehind(int OrganizationId, string OrganizationName, string Indicator, string IndicatorName, DateOnly Month, bool Basis, int Total,
    IReadOnlyList<HealthRow> Rows);

/// The dashboard's reads: a few indexed rows of IndicatorValues per organization, whatever the size of its subtree.
public static class HealthQueries
{
    public const int MaxMonths = 36;
    public const int MaxRows = 1000;

    public static async Task<Result<Dashboard>> DashboardAsync(CadreDbContext db, Actor actor, int organizationId, int months, CancellationToken ct)
    {
        if (months is < 1 or > MaxMonths) return new InvalidField("Months", $"Show 1 to {MaxMonths} months.");
        var organization = await FindAsync(db, actor, organizationId, ct);
        if (organization is null) return new HealthOrganizationNotFound();
        var month = Months.Of(db.Today);
        var from = month.AddMonths(1 - months);
        var values = await db.IndicatorValues.AsNoTracking().Where(v => v.OrganizationId == organizationId && v.Month >= from && v.Month <= month)
            .ToListAsync(ct);
        var series = IndicatorCatalogue.All.Select(d =>
        {
            var points = Months.Range(from, month).Select(m => values.FirstOrDefault(v => v.Indicator == d.Code && v.Month == m) is { } v
                    ? new IndicatorPoint(m, v.Value, v.Base)
                    : new IndicatorPoint(m, 0, 0))
                .Where(p => d.Kind == IndicatorKind.Flow || values.Any(v => v.Indicator == d.Code && v.Month == p.Month))
                .ToList();
            return new IndicatorSeries(d.Code, d.Name, d.Group, d.Kind, d.Unit, d.Better, d.Definition,
                points.LastOrDefault(p => p.Month == month) ?? new IndicatorPoint(month, 0, 0), points);
        }).ToList();

        var children = await ChildrenAsync(db, organizationId, ct);
        var weakest = new List<Weakest>();
        if (children.Count > 0)
        {
            var childIds = children.Keys.ToList();
            var current = await db.IndicatorValues.AsNoTracking().Where(v => childIds.Contains(v.OrganizationId) && v.Month == month).ToListAsync(ct);
            foreach (var d in IndicatorCatalogue.All.Where(d => d.Code != "members"))
            {
                var rows = Score(d, children, current);
                if (rows.Count > 0 && rows[0] is { } w && (d.Better == Better.Lower ? w.Score > 0 : true)) weakest.Add(new Weakest(d.Code, d.Name, d.Unit, w));
            }
        }
        var computedAt = await db.HealthRuns.OrderByDescending(r => r.FinishedAt).Select(r => (DateTime?)r.FinishedAt).FirstOrDefaultAsync(ct);
        var warnings = await WarningsAsync(db, actor, organizationId, open: true, ct);
        return new Dashboard(organization.Value.Id, organization.Value.Code, organization.Value.Name, month, computedAt, series, weakest,
            warnings.IsSuccess ? warnings.Value : [], children.Count > 0);
    }

    /// The organization's direct sub-organizations on one indicator, the weakest first.
    public static async Task<Result<Comparison>> CompareAsync(CadreDbContext db, Actor actor, int organizationId, string? indicator, DateOnly? month,
        CancellationToken ct)
    {
        if (IndicatorCatalogue.Find(indicator) is not { } definition) return new UnknownIndicator();
        if (month is { } m && !Months.IsMonth(m)) return new NotAMonth("Month");
        var organization = await FindAsync(db, actor, organizationId, ct);
        if (organization is null) return new HealthOrganizationNotFound();
        var at = month ?? Months.Of(db.Today);
        var children = await ChildrenAsync(db, organizationId, ct);
        var ids = children.Keys.ToList();
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => ids.Contains(v.OrganizationId) && v.Month == at && (v.Indicator == definition.Code || v.Indicator == "members")).ToListAsync(ct);
        return new Comparison(organizationId, organization.Value.Name, definition.Code, definition.Name, definition.Unit, definition.Better, at,
            Score(definition, children, values));
    }

    /// The rows behind a number: who is counted (or, with basis, what it is a share of) in the organization's subtree.
    public static async Task<Result<RowsBehind>> RowsAsync(CadreDbContext db, Actor actor, int organizationId, string? indicator, DateOnly? month,
        bool basis, CancellationToken ct)
    {
        if (IndicatorCatalogue.Find(indicator) is not { } definition) return new UnknownIndicator();
        if (month is { } m && !Months.IsMonth(m)) return new NotAMonth("Month");
        var current = Months.Of(db.Today);
        var at = month ?? current;
        if (at > current) return new InvalidField("Month", "That month has not come yet.");
        if (definition.Kind == IndicatorKind.Snapshot && at != current)
            return new InvalidField("Month", "This indicator is a count of things as they stand: its rows can be listed for the current month only.");
        if (basis && definition.Based is null) return new InvalidField("Basis", "This indicator is a count: it is not a share of anything.");
        var organization = await FindAsync(db, actor, organizationId, ct);
        if (organization is null || !await actor.CanAsync(db, definition.RowsPermission, organizationId, ct)) return new HealthOrganizationNotFound();
        var settings = await db.DuesSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? DuesSettings.Defaults();
        var period = new HealthPeriod(at, db.Today, settings.AccountingFrom ?? DateOnly.MinValue) { Now = db.Now };
        var subtree = db.OrganizationPaths.Where(p => p.AncestorId == organizationId).Select(p => p.DescendantId);
        var rows = (basis ? definition.Based!(db, period) : definition.Counted(db, period)).Where(r => subtree.Contains(r.OrganizationId));
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(r => r.OrganizationName).ThenBy(r => r.Name).ThenBy(r => r.Id).Take(MaxRows).ToListAsync(ct);
        return new RowsBehind(organizationId, organization.Value.Name, definition.Code, definition.Name, at, basis, total, list);
    }

    public static async Task<Result<List<WarningRow>>> WarningsAsync(CadreDbContext db, Actor actor, int organizationId, bool open, CancellationToken ct)
    {
        if (await FindAsync(db, actor, organizationId, ct) is null) return new HealthOrganizationNotFound();
        var subtree = db.OrganizationPaths.Where(p => p.AncestorId == organizationId).Select(p => p.DescendantId);
        var query = db.HealthWarnings.AsNoTracking().Where(w => subtree.Contains(w.OrganizationId));
        query = open ? query.Where(w => w.Status != WarningStatus.Resolved) : query;
        return await (from w in query
                      join o in db.Organizations on w.OrganizationId equals o.Id
                      orderby w.Status, w.RaisedOn descending, w.Id descending
                      select new WarningRow(w.Id, w.RuleId, w.Rule.Name, w.Rule.Indicator, w.OrganizationId, o.Name, w.Month, w.RaisedOn, w.Observed,
                          w.Threshold, w.Rule.Measure, w.Status, w.AcknowledgedBy, w.ResolvedBy, w.Note))
            .Take(MaxRows).ToListAsync(ct);
    }

    public static async Task<List<WarningRule>> RulesAsync(CadreDbContext db, CancellationToken ct) =>
        await db.WarningRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);

    private static List<SubOrganization> Score(IndicatorDefinition d, Dictionary<int, (string Code, string Name)> children, List<IndicatorValue> values)
    {
        var rows = children.Select(c =>
        {
            var v = values.FirstOrDefault(x => x.OrganizationId == c.Key && x.Indicator == d.Code);
            var members = values.FirstOrDefault(x => x.OrganizationId == c.Key && x.Indicator == "members")?.Value ?? 0;
            var value = v?.Value ?? 0;
            var @base = v?.Base ?? 0;
            // Shares compare as shares; flows per member, so a big district is not weaker for being big; other counts as counts.
            double? score = d.Unit == IndicatorUnit.Share ? (@base == 0 ? null : (double)value / @base)
                : d.Kind == IndicatorKind.Flow ? (members == 0 ? null : (double)value / members)
                : value;
            return (Row: new SubOrganization(c.Key, c.Value.Code, c.Value.Name, value, @base, members, score ?? 0), Known: score is not null);
        }).ToList();
        var known = rows.Where(r => r.Known).Select(r => r.Row);
        var ordered = d.Better == Better.Higher ? known.OrderBy(r => r.Score) : known.OrderByDescending(r => r.Score);
        return [.. ordered.ThenBy(r => r.Code, StringComparer.Ordinal), .. rows.Where(r => !r.Known).Select(r => r.Row).OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    private static async Task<Dictionary<int, (string Code, string Name)>> ChildrenAsync(CadreDbContext db, int organizationId, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => o.ParentId == organizationId && o.Status == Organizations.OrganizationStatus.Active)
            .ToDictionaryAsync(o => o.Id, o => (o.Code, o.Name), ct);

    private static async Task<(int Id, string Code, string Name)?> FindAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        if (!actor.Has(Permission.HealthRead) || !await actor.CanAsync(db, Permission.HealthRead, organizationId, ct)) return null;
        var o = await db.Organizations.AsNoTracking().Where(x => x.Id == organizationId).Select(x => new { x.Id, x.Code, x.Name }).SingleOrDefaultAsync(ct);
        return o is null ? null : (o.Id, o.Code, o.Name);
    }
}
