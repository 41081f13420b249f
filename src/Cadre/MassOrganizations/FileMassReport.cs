using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.MassOrganizations;

/// A body files its periodic membership report: its own members on a date, and of them women and youth when counted.
public static class FileMassReport
{
    public sealed record Request
    {
        public DateOnly On { get; init; }

        public int Members { get; init; }

        public int? Women { get; init; }

        public int? Youth { get; init; }

        public string? Note { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int bodyId, Request request, CancellationToken ct)
    {
        var kept = await MassOrganizationAccess.KeptBodyAsync(db, actor, bodyId, ct);
        if (!kept.IsSuccess) return kept.Error;
        var report = MassReport.File(kept.Value.Body, request.On, request.Members, request.Women, request.Youth, request.Note, db.Today);
        if (!report.IsSuccess) return report.Error;
        if (await db.MassReports.AnyAsync(r => r.BodyId == bodyId && r.On == request.On, ct)) return new ReportAlreadyFiled(request.On);
        db.MassReports.Add(report.Value);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent report for the same day: the unique index kept the first.
            return new ReportAlreadyFiled(request.On);
        }
        return report.Value.Id;
    }
}
