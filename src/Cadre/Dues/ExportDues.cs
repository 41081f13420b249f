using System.Globalization;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Dues;

/// Writes the dues of an organization's subtree for a month range as CSV, one row per member and month,
/// and records in the audit trail who exported what. Only what the actor may read is exported.
public static class ExportDues
{
    public static readonly string[] Columns =
        ["organization_code", "member_number", "family_name", "given_name", "month", "basis", "due", "paid", "outstanding", "currency"];

    public sealed record Request(string OrganizationCode, string? From, string? To);

    public sealed record Exported(int Rows, string OrganizationCode, DateOnly From, DateOnly To);

    public static async Task<Result<Exported>> HandleAsync(CadreDbContext db, Actor actor, Request request, TextWriter output, CancellationToken ct)
    {
        var errors = new List<InvalidField>();
        var from = Months.Parse(request.From);
        var to = Months.Parse(request.To);
        if (from is null) errors.Add(new NotAMonth("From"));
        if (to is null) errors.Add(new NotAMonth("To"));
        if (from is not null && to is not null && to < from) errors.Add(new InvalidField("To", "The period ends before it starts."));
        if (from is not null && to is not null && Months.Between(from.Value, to.Value) >= 120) errors.Add(new InvalidField("To", "Export at most ten years at once."));
        if (errors.Count > 0) return new ValidationFailed(errors);

        var code = Organization.NormalizeCode(request.OrganizationCode ?? "");
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code, ct);
        if (organization is null) return new DuesOrganizationNotFound();
        var members = await DuesLedger.MembersUnderAsync(db, actor, Permission.DuesRead, organization.Id, ct);
        if (members is null) return new DuesOrganizationNotFound();

        var rules = await DuesRules.LoadAsync(db, ct);
        var ledgers = await DuesLedger.LoadAsync(db, rules, members, from!.Value, to!.Value, ct);
        var codes = await db.Organizations.AsNoTracking().Where(o => members.Select(m => m.OrganizationId).Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Code, ct);

        var rows = 0;
        await using (var csv = CsvWriter.Create(output, null, leaveOpen: true))
        {
            await csv.WriteRecordAsync(Columns, ct);
            foreach (var ledger in ledgers.OrderBy(l => codes[l.OrganizationId], StringComparer.Ordinal).ThenBy(l => l.Number, StringComparer.Ordinal))
            {
                foreach (var month in ledger.Months)
                {
                    await csv.WriteRecordAsync(
                    [
                        codes[ledger.OrganizationId], ledger.Number, ledger.FamilyName, ledger.GivenName, Months.Format(month.Month),
                        month.Basis.ToString(), Money(month.Due), Money(month.Paid), Money(month.Outstanding), rules.Settings.CurrencyCode,
                    ], ct);
                    rows++;
                }
            }
            await csv.FlushAsync(ct);
        }
        await output.FlushAsync(ct);

        db.AuditEntries.Add(new AuditEntry
        {
            At = db.Now,
            UserId = actor.UserId,
            UserName = actor.Name,
            EntityType = "DuesExport",
            EntityId = organization.Code,
            Action = AuditAction.Created,
            OrganizationId = organization.Id,
            After = JsonSerializer.Serialize(new { Organization = organization.Code, From = Months.Format(from.Value), To = Months.Format(to.Value), Rows = rows }),
        });
        await db.SaveChangesAsync(ct);
        return new Exported(rows, organization.Code, from.Value, to.Value);
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
