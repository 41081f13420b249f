using System.Data.Common;
using Cadre.Data;
using Cadre.Dues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cadre.Health;

/// The compute job (decision 0070): every indicator's own rows by one set-based SELECT, summed at every ancestor through
/// the closure table in the same INSERT … SELECT, one indicator and month at a time, each in its own short transaction
/// (readers see the old month or the new one, never half of it). Snapshots are counted for the current month; flows
/// are recounted for the last FlowMonths months, because decisions may be recorded late and dated back.
public static class ComputeHealth
{
    public const int DefaultFlowMonths = 12;

    public sealed record Computed(DateOnly Month, int Statements, int Rows, int Raised, TimeSpan Took)
    {
        /// The part of Took spent on the composition (ComputeComposition).
        public TimeSpan CompositionTook { get; init; }

        /// The composition cells written (CompositionCells); Rows counts the indicator values alone.
        public int CompositionCells { get; init; }
    }

    public static async Task<Computed> RunAsync(CadreDbContext db, CancellationToken ct, int flowMonths = DefaultFlowMonths,
        IEnumerable<IndicatorDefinition>? indicators = null, IProgress<string>? progress = null)
    {
        var started = db.Now;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var today = db.Today;
        var month = Months.Of(today);
        var settings = await db.DuesSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? DuesSettings.Defaults();
        var accountingFrom = settings.AccountingFrom ?? DateOnly.MinValue;
        var statements = 0;
        var rows = 0;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var definition in indicators ?? IndicatorCatalogue.All)
            {
                var months = definition.Kind == IndicatorKind.Snapshot ? 1 : Math.Max(1, flowMonths);
                for (var back = months - 1; back >= 0; back--)
                {
                    var period = new HealthPeriod(month.AddMonths(-back), today, accountingFrom) { Now = started };
                    rows += await ComputeAsync(db, definition, period, ct);
                    statements++;
                }
                progress?.Report(definition.Code);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var compositionStarted = watch.Elapsed;
        var composition = await ComputeComposition.RunAsync(db, ct);
        var compositionTook = watch.Elapsed - compositionStarted;
        statements += 2 * composition.Days;
        progress?.Report("composition");
        var raised = await RaiseWarnings.HandleAsync(db, month, ct);
        var took = watch.Elapsed;
        db.HealthRuns.Add(HealthRun.Of(month, started, started + took, rows, raised));
        await db.SaveChangesAsync(ct);
        return new Computed(month, statements, rows, raised, took) { CompositionTook = compositionTook, CompositionCells = composition.Rows };
    }

    /// Replaces one indicator's month; returns the rows written.
    public static async Task<int> ComputeAsync(CadreDbContext db, IndicatorDefinition definition, HealthPeriod period, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using (var delete = Command(connection, transaction, definition, period,
                         """DELETE FROM "IndicatorValues" WHERE "Indicator" = @Code AND "Month" = @Month"""))
            await delete.ExecuteNonQueryAsync(ct);
        int written;
        await using (var insert = Command(connection, transaction, definition, period, Rollup(definition.Own)))
            written = await insert.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return written;
    }

    /// The own rows of every organization, summed at each of its ancestors (itself at depth 0, so OwnValue is the depth-0 part).
    public static string Rollup(string own) => $"""
        INSERT INTO "IndicatorValues" ("OrganizationId", "Indicator", "Month", "Value", "Base", "OwnValue", "OwnBase")
        SELECT p."AncestorId", @Code, @Month, SUM(o."N"), SUM(o."D"),
               SUM(CASE WHEN p."Depth" = 0 THEN o."N" ELSE 0 END), SUM(CASE WHEN p."Depth" = 0 THEN o."D" ELSE 0 END)
        FROM ({own}) o JOIN "OrganizationPaths" p ON p."DescendantId" = o."OrganizationId"
        GROUP BY p."AncestorId"
        """;

    /// The parameters every definition's SQL may use. @Since{n} is the moment n months before @Now and @FoundedBy{n} its
    /// day (n = 1 … 60, as a meeting kind's frequency), so a schedule's window is read without an engine's date functions.
    public static IReadOnlyList<(string Name, object Value)> Parameters(IndicatorDefinition definition, HealthPeriod period) =>
    [
        .. Fixed(definition, period),
        .. Enumerable.Range(1, MaxScheduleMonths).Select(n => ($"@Since{n}", (object)period.Now.AddMonths(-n))),
        .. Enumerable.Range(1, MaxScheduleMonths).Select(n => ($"@FoundedBy{n}", (object)DateOnly.FromDateTime(period.Now.AddMonths(-n)))),
    ];

    /// The longest frequency a meeting kind may require (MeetingKind.Change).
    public const int MaxScheduleMonths = 60;

    private static IReadOnlyList<(string Name, object Value)> Fixed(IndicatorDefinition definition, HealthPeriod period) =>
    [
        ("@Now", period.Now),
        ("@MonthAt", period.MonthAt),
        ("@NextAt", period.NextAt),
        ("@Code", definition.Code),
        ("@Month", period.Month),
        ("@Next", period.Next),
        ("@Today", period.Today),
        ("@Last", period.LastMonth),
        ("@LastNext", period.LastMonth.AddMonths(1)),
        ("@ArrearsFrom", period.ArrearsFrom),
        ("@ArrearsNext", period.ArrearsFrom.AddMonths(1)),
        ("@AccountingFrom", period.AccountingFrom),
    ];

    private static DbCommand Command(DbConnection connection, IDbContextTransaction transaction, IndicatorDefinition definition, HealthPeriod period, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandTimeout = 0;
        command.CommandText = sql;
        foreach (var (name, value) in Parameters(definition, period))
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(sql, System.Text.RegularExpressions.Regex.Escape(name) + @"\b")) continue;
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
