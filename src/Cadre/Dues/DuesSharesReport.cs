using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Dues;

/// One organization's money in a period: what its own members paid, what came up from below, what it keeps, what it owes upward.
/// ReceivedFromBelow + Collected = Keeps + OwesUpward.
public sealed record ShareRow(int OrganizationId, string Code, string Name, int Depth, decimal Collected, decimal ReceivedFromBelow,
    decimal Keeps, decimal OwesUpward);

public sealed record SharesReport(int OrganizationId, DateOnly FromMonth, DateOnly ToMonth, string CurrencyCode, IReadOnlyList<ShareRow> Rows);

/// Splits what each primary organization collected between it and its ancestors, by the share of each level.
/// A level missing from an organization's chain (a branch directly under a region) passes its share to the next one up;
/// rounding leftovers go to the top of the chain, so the parts always sum to what was collected.
public static class DuesSharesReport
{
    public static async Task<Result<SharesReport>> RunAsync(CadreDbContext db, Actor actor, int organizationId, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        if (!Months.IsMonth(from)) return new NotAMonth("From");
        if (!Months.IsMonth(to)) return new NotAMonth("To");
        if (to < from) return new InvalidField("To", "The period ends before it starts.");
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct) || !await actor.CanAsync(db, Permission.DuesRead, organizationId, ct))
            return new DuesOrganizationNotFound();

        var rules = await DuesRules.LoadAsync(db, ct);
        var subtree = db.OrganizationPaths.Where(p => p.AncestorId == organizationId).Select(p => p.DescendantId);
        var end = to.AddMonths(1);
        var payments = await db.DuesPayments.AsNoTracking()
            .Where(p => subtree.Contains(p.OrganizationId) && p.PaidOn >= from && p.PaidOn < end)
            .Select(p => new { p.OrganizationId, p.Amount })
            .ToListAsync(ct);
        var collected = payments.GroupBy(p => p.OrganizationId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));

        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => subtree.Contains(o.Id))
            .Select(o => new { o.Id, o.Code, o.Name, o.IsActive, Depth = db.OrganizationPaths.Where(p => p.AncestorId == organizationId && p.DescendantId == o.Id).Select(p => p.Depth).First() })
            .ToListAsync(ct);
        var collectors = collected.Keys.ToList();
        var chains = (await db.OrganizationPaths.AsNoTracking()
                .Where(p => collectors.Contains(p.DescendantId))
                .Join(db.Organizations, p => p.AncestorId, o => o.Id, (p, o) => new { p.DescendantId, p.AncestorId, p.Depth, o.Level.Rank })
                .ToListAsync(ct))
            .ToLookup(c => c.DescendantId);
        var ranks = await db.Levels.ToDictionaryAsync(l => l.Id, l => l.Rank, ct);
        var shares = rules.Shares.Select(s => (Rank: ranks[s.LevelId], s.Percent)).ToList();

        var kept = new Dictionary<int, decimal>();
        foreach (var (collector, amount) in collected)
        {
            var chain = chains[collector].OrderBy(c => c.Depth).Select(c => (c.AncestorId, c.Rank)).ToList();
            foreach (var (recipient, part) in Split(amount, chain, shares))
                kept[recipient] = kept.GetValueOrDefault(recipient) + part;
        }

        var descendants = (await db.OrganizationPaths.AsNoTracking().Where(p => subtree.Contains(p.AncestorId)).Select(p => new { p.AncestorId, p.DescendantId })
            .ToListAsync(ct)).ToLookup(p => p.AncestorId, p => p.DescendantId);
        var rows = organizations
            .Select(o =>
            {
                var below = descendants[o.Id].ToList();
                var collectedBelow = below.Sum(d => collected.GetValueOrDefault(d));
                var keptBelow = below.Where(d => d != o.Id).Sum(d => kept.GetValueOrDefault(d));
                var own = collected.GetValueOrDefault(o.Id);
                var keeps = kept.GetValueOrDefault(o.Id);
                var received = collectedBelow - own - keptBelow;
                return new { o.IsActive, Row = new ShareRow(o.Id, o.Code, o.Name, o.Depth, own, received, keeps, own + received - keeps) };
            })
            .Where(r => r.IsActive || r.Row.Collected != 0 || r.Row.ReceivedFromBelow != 0 || r.Row.Keeps != 0)
            .Select(r => r.Row)
            .OrderBy(r => r.Depth).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        return new SharesReport(organizationId, from, to, rules.Settings.CurrencyCode, rows);
    }

    /// The parts of amount each organization of the chain (collector first, top last) keeps.
    public static IReadOnlyList<(int OrganizationId, decimal Amount)> Split(decimal amount, IReadOnlyList<(int OrganizationId, int Rank)> chain,
        IReadOnlyList<(int Rank, decimal Percent)> shares)
    {
        if (shares.Count == 0) return [(chain[0].OrganizationId, amount)];
        var parts = new Dictionary<int, decimal>();
        foreach (var (rank, percent) in shares)
        {
            // The organization of that level in the chain; else the nearest one above it; a level below the collector falls to the collector.
            var recipient = chain.Where(c => c.Rank <= rank).OrderByDescending(c => c.Rank).Select(c => (int?)c.OrganizationId).FirstOrDefault()
                ?? chain[^1].OrganizationId;
            if (chain[0].Rank < rank) recipient = chain[0].OrganizationId;
            parts[recipient] = parts.GetValueOrDefault(recipient) + Math.Round(amount * percent / 100m, 2, MidpointRounding.AwayFromZero);
        }
        var top = chain[^1].OrganizationId;
        parts[top] = parts.GetValueOrDefault(top) + amount - parts.Values.Sum();
        return parts.Select(p => (p.Key, p.Value)).ToList();
    }
}
