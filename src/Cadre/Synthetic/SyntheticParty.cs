using System.Text.Json;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.Demo;
using Cadre.Dues;
using Cadre.Members;
using Cadre.Members.Import;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Synthetic;

/// Seeds a large, realistic synthetic party for benchmarks and load tests: the tree of SyntheticTree, members whose
/// make-up follows DemoComposition, and Years of history — admissions with probation, transfers, lapses, declared
/// incomes and monthly dues payments; study circles; the monthly general meetings with attendance. Everything is drawn from Random(seed) in a fixed order, so a seed (and the
/// clock's today) always gives the same party.
///
/// Rows are written in bulk (BulkTable), never through the change tracker: a million members with two years of payments
/// are some fifty million rows. The entities are still built by their own factories and lifecycle methods
/// (Organization.Found, Person.Create, Member.Apply/Admit/Confirm/TransferTo/Lapse, DeclaredIncome.Declare) so their rules
/// and the state machine hold; only ids are given here. Payments are built as rows (DuesPayment.Record's checks hold by
/// construction: positive whole-cent amounts, owed months only, never before joining nor in the future), because at 24
/// million its per-call validation would dominate. The audit trail gets one entry summarizing the seed (decision 0011).
/// The whole seed is one transaction: it is there entirely or not at all.
public static class SyntheticParty
{
    /// Raised whenever the generator writes something new or differently, so that a database seeded by an older one
    /// (kept by the benchmark's --reuse) is not mistaken for this one's. Stored in the seed's audit entry.
    public const int GeneratorVersion = 6;

    private static readonly string[] Tables =
        ["OrganizationPaths", "OrganizationVersions", "People", "Members", "MembershipEvents", "DeclaredIncomes", "DuesPayments", "PaymentAllocation"];

    private static readonly string AnalyzeLoadedTables = "ANALYZE " + string.Join(", ", Tables.Select(t => $"\"{t}\""));

    /// Seeds options.Members members into an empty database; progress gets (step, done, total) as it goes.
    public static async Task<Result<SyntheticCounts>> SeedAsync(CadreDbContext db, SyntheticOptions options, IProgress<SyntheticProgress>? progress,
        CancellationToken ct)
    {
        if (options.Members is < 1 or > SyntheticOptions.MaxMembers)
            return new InvalidField("Members", $"Between 1 and {SyntheticOptions.MaxMembers:N0} members.");
        if (options.Years is < 1 or > SyntheticOptions.MaxYears) return new InvalidField("Years", $"Between 1 and {SyntheticOptions.MaxYears} years.");
        var organizationCount = await db.Organizations.CountAsync(ct);
        var memberCount = await db.Members.CountAsync(ct);
        if (organizationCount > 0 || memberCount > 0) return new SyntheticNeedsEmptyDatabase(organizationCount, memberCount);
        var levels = await db.Levels.AsNoTracking().OrderBy(l => l.Rank).ToListAsync(ct);
        if (levels.Count < 4) return new SyntheticNeedsFourLevels(levels.Count);
        var classifiers = await db.Classifiers.AsNoTracking().ToListAsync(ct);

        var random = new Random(options.Seed);
        var today = db.Today;
        var windowStart = today.AddYears(-options.Years);
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var deferred = await DeferredIndexes.DropAsync(db, ct, Tables);
            // Fifty million rows through the tally triggers would double the seed; the tallies are rebuilt once at the end.
            await MemberTallySql.SuspendAsync(db, ct);
            progress?.Report(new SyntheticProgress("Organizations", 0, 1));
            var sizes = SyntheticTree.PrimarySizes(random, options.Members);
            var tree = SyntheticTree.Draw(random, sizes, [levels[0], levels[1], levels[^2], levels[^1]], new DateOnly(1950, 1, 1));
            var paths = await WriteTreeAsync(db, tree, ct);
            progress?.Report(new SyntheticProgress("Organizations", 1, 1));

            await DemoDues.SeedRulesAsync(db, Months.Of(windowStart), ct);
            var rules = await DuesRules.LoadAsync(db, ct);
            var membership = await MembershipRules.LoadAsync(db, ct);
            var firstNumber = await MemberNumbers.ReserveAsync(db, options.Members, ct);
            var firstReceipt = await ReceiptNumbers.ReserveAsync(db, 0, ct);

            var writer = new SyntheticWriter(db, new SyntheticDraw(random, today, windowStart, options.Years, classifiers, rules, membership,
                tree.Where(o => o.Depth == 3).ToList(), firstReceipt));
            var counts = await writer.WriteMembersAsync(firstNumber, options.Members, progress, ct);
            await ReceiptNumbers.RaiseToAsync(db, writer.LastReceipt, ct);
            // The indexes come back before the later steps, which read the members by organization.
            progress?.Report(new SyntheticProgress("Indexes", 0, 1));
            await deferred.RebuildAsync(ct);
            // PostgreSQL plans the later steps' reads, and the first queries after the seed, from statistics the load left empty.
            // Only the loaded tables: analyzing the whole database would record the still-empty tables the later steps fill
            // (assignments) as empty, and their inserts would be planned as if they stayed so.
            if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync(AnalyzeLoadedTables, ct);
            progress?.Report(new SyntheticProgress("Indexes", 1, 1));
            await SyntheticEducation.SeedAsync(db, options.Seed, today, windowStart, ct);
            await SyntheticDirectives.SeedAsync(db, options.Seed, today, windowStart, ct);
            await SyntheticMeetings.SeedAsync(db, options.Seed, db.Now, ct);

            progress?.Report(new SyntheticProgress("Counts", 0, 1));
            await MemberTallySql.ResumeAsync(db, ct);
            progress?.Report(new SyntheticProgress("Counts", 1, 1));
            var result = counts with { Seed = options.Seed, Organizations = tree.Count, OrganizationPaths = paths };
            var actor = db.CurrentActor.Actor;
            db.AuditEntries.Add(new AuditEntry
            {
                At = db.Now,
                UserId = actor.UserId,
                UserName = actor.Name,
                EntityType = "SyntheticParty",
                EntityId = options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Action = AuditAction.Created,
                After = JsonSerializer.Serialize(new { options.Seed, options.Years, options.Members, GeneratorVersion, Counts = result }),
            });
            await db.SaveChangesAsync(ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
            return result;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    private static async Task<long> WriteTreeAsync(CadreDbContext db, List<SyntheticOrganization> tree, CancellationToken ct)
    {
        await using var organizations = BulkTable.For<Organization>(db);
        await using var paths = BulkTable.For<OrganizationPath>(db);
        await using var versions = BulkTable.For<OrganizationVersion>(db);
        await organizations.WriteAsync(tree.Select(o => organizations.Row(o.Organization)).ToList(), ct);
        var pathRows = new List<object?[]>();
        foreach (var organization in tree)
        {
            var depth = 0;
            for (var ancestor = organization; ancestor is not null; ancestor = ancestor.Parent)
                pathRows.Add(paths.Row(new OrganizationPath { AncestorId = ancestor.Id, DescendantId = organization.Id, Depth = depth++ }));
        }
        await paths.WriteAsync(pathRows, ct);
        await versions.WriteAsync(tree.Select((o, i) =>
            versions.Row(Ids.Set(OrganizationVersion.Of(o.Organization, o.Organization.FoundedOn), nameof(OrganizationVersion.Id), (long)(i + 1)))).ToList(), ct);
        await organizations.AdvanceIdentityAsync(ct);
        await versions.AdvanceIdentityAsync(ct);
        return paths.Rows;
    }
}
