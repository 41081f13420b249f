using System.Text.Json;
using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members.Import;

/// Writes the members of an organization's subtree (within the actor's scope) in the import format, so the file
/// round-trips through ImportMembers. Streams row by row; the audit trail records who exported what.
public static class ExportMembers
{
    public sealed record Exported(int Rows, string Scope);

    public static async Task<Result<Exported>> WriteAsync(CadreDbContext db, Actor actor, int? organizationId, Stream output, CancellationToken ct)
    {
        if (!actor.Has(Permission.MembersRead)) return new MemberNotPermitted();
        var members = db.Members.AsNoTracking();
        string scope;
        if (organizationId is { } id)
        {
            var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Id, o.Code }).SingleOrDefaultAsync(ct);
            if (organization is null || !await actor.CanAsync(db, Permission.MembersRead, id, ct)) return new OrganizationNotFound();
            var subtree = db.OrganizationPaths.Where(p => p.AncestorId == id).Select(p => p.DescendantId);
            members = members.Where(m => subtree.Contains(m.OrganizationId));
            scope = organization.Code;
        }
        else
        {
            if (actor.Scope(db, Permission.MembersRead) is { } readable) members = members.Where(m => readable.Contains(m.OrganizationId));
            scope = actor.IsAdministrator ? "all" : string.Join(",", actor.RootsFor(Permission.MembersRead));
        }

        var rows = 0;
        await using (var csv = CsvWriter.Create(output, MemberCsv.WriterOptions, leaveOpen: true))
        {
            csv.WriteHeader([.. MemberCsv.Columns]);
            var query = members.OrderBy(m => m.Id).Select(m => new
            {
                m.Number, m.Person.GivenName, m.Person.FamilyName, m.Person.DateOfBirth, m.Person.Sex,
                Occupation = m.Person.Occupation!.Code, Education = m.Person.Education!.Code,
                m.Person.Email, m.Person.Phone, m.Person.Address, OrganizationCode = m.Organization.Code, m.JoinedOn, m.Status,
            });
            await foreach (var m in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                await csv.WriteRecordAsync(
                [
                    m.Number, m.GivenName, m.FamilyName, m.DateOfBirth is { } b ? MemberCsv.FormatDate(b) : "",
                    m.Sex?.ToString().ToLowerInvariant() ?? "", m.Occupation ?? "", m.Education ?? "", m.Email ?? "", m.Phone ?? "",
                    m.Address ?? "", m.OrganizationCode, MemberCsv.FormatDate(m.JoinedOn), m.Status.ToString().ToLowerInvariant(),
                ], ct);
                rows++;
            }
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = db.Now,
            UserId = actor.UserId,
            UserName = actor.Name,
            EntityType = "MemberExport",
            EntityId = scope.Length <= 64 ? scope : scope[..64],
            Action = AuditAction.Created,
            OrganizationId = organizationId,
            After = JsonSerializer.Serialize(new { Scope = scope, Rows = rows }),
        });
        await db.SaveChangesAsync(ct);
        return new Exported(rows, scope);
    }
}
