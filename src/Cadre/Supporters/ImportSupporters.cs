using System.Globalization;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Supporters;

public sealed record SupporterFileProblem(int Line, string Column, string Reason)
{
    public override string ToString() => Column.Length == 0 ? $"{Line}: {Reason}" : $"{Line}:{Column}: {Reason}";
}

public sealed record SupporterFileRefused(IReadOnlyList<SupporterFileProblem> Problems)
    : InvalidField("file", $"The file has {Problems.Count} problem(s); nothing was imported.");

/// `cadre import supporters FILE`: supporters from a CSV (columns by name: organization, name, email, phone, address, source,
/// interests, notes, consents, consent_on, consent_how). Every row is checked first; one bad row and nothing changes.
/// A row whose email is already registered in its organization is left as it is, so a re-import adds nothing twice.
public static class ImportSupporters
{
    public const int MaxProblems = 100;

    private static readonly string[] RequiredColumns = ["organization", "name"];

    public sealed record Report(int Rows, int Created, int AlreadyRegistered);

    private sealed record Row(int Line, string Organization, SupporterDetails Details, SupporterSource Source, List<ConsentPurpose> Purposes,
        DateOnly? ConsentOn, ConsentMethod How);

    public static async Task<Result<Report>> HandleAsync(CadreDbContext db, Actor actor, Stream file, CancellationToken ct)
    {
        var read = Read(file, db.Today, ct);
        if (!read.IsSuccess) return read.Error;
        var rows = read.Value;
        var codes = rows.Select(r => r.Organization).Distinct().ToList();
        var organizations = await db.Organizations.Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        var problems = new List<SupporterFileProblem>();
        foreach (var code in codes)
        {
            var line = rows.First(r => r.Organization == code).Line;
            if (!organizations.TryGetValue(code, out var id)) problems.Add(new SupporterFileProblem(line, "organization", $"There is no organization {code}."));
            else if (await SupporterAccess.CheckOrganizationAsync(db, actor, id, ct) is not null)
                problems.Add(new SupporterFileProblem(line, "organization", $"You do not keep the supporters of {code}."));
        }
        if (problems.Count > 0) return new SupporterFileRefused(problems.Take(MaxProblems).ToList());

        var ids = organizations.Values.ToList();
        var known = (await db.Supporters.Where(s => ids.Contains(s.OrganizationId) && s.EmailKey != null).Select(s => new { s.OrganizationId, s.EmailKey })
            .ToListAsync(ct)).Select(s => (s.OrganizationId, s.EmailKey!)).ToHashSet();
        var created = 0;
        var already = 0;
        foreach (var row in rows)
        {
            var organizationId = organizations[row.Organization];
            var supporter = Supporter.Register(organizationId, row.Details, row.Source, row.ConsentOn ?? db.Today, db.Today).Value;
            if (supporter.EmailKey is { } key && !known.Add((organizationId, key)))
            {
                already++;
                continue;
            }
            foreach (var purpose in row.Purposes) supporter.GiveConsent(purpose, row.ConsentOn ?? db.Today, row.How, null, db.Today);
            db.Supporters.Add(supporter);
            created++;
        }
        // Saved with the audit trail in one transaction: the import is whole or absent.
        await db.SaveChangesAsync(ct);
        return new Report(rows.Count, created, already);
    }

    private static Result<List<Row>> Read(Stream file, DateOnly today, CancellationToken ct)
    {
        var malformed = new HashSet<long>();
        using var reader = CsvReader.Create(file, new CsvReaderOptions
        {
            Separator = ',', Mode = CsvMode.Rfc4180, HasHeader = true, TrackLineNumbers = true, SkipEmptyLines = true, TrimWhitespace = false,
            FieldCountMismatch = CsvFieldCountHandling.Allow, MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = m => { if (m.Reason != CsvMalformedReason.FieldCountMismatch) malformed.Add(m.RecordNumber); },
            MaxRecordSize = 1 << 16, IncludeValuesInExceptions = false,
        }, leaveOpen: true);
        try
        {
            reader.ReadHeader();
        }
        catch (CsvFormatException e)
        {
            return new SupporterFileRefused([new SupporterFileProblem((int)Math.Max(e.LineNumber, 1), "", "A quote in the header is not closed.")]);
        }
        var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++) if (header[i].Length > 0) position.TryAdd(header[i], i);
        var problems = RequiredColumns.Where(c => !position.ContainsKey(c))
            .Select(c => new SupporterFileProblem(1, c, $"The header has no column \"{c}\".")).ToList();
        if (problems.Count > 0) return new SupporterFileRefused(problems);

        var rows = new List<Row>();
        while (problems.Count < MaxProblems)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (!reader.Read()) break;
            }
            catch (CsvFormatException e)
            {
                problems.Add(new SupporterFileProblem((int)Math.Max(e.LineNumber, 1), "", "A quote is not closed: the rest of the file cannot be read."));
                break;
            }
            var line = (int)reader.LineNumber;
            if (malformed.Remove(reader.RowNumber + 1)) { problems.Add(new SupporterFileProblem(line, "", "A quote is not closed.")); continue; }
            if (reader.FieldCount != header.Count) { problems.Add(new SupporterFileProblem(line, "", $"The row has {reader.FieldCount} field(s); the header has {header.Count}.")); continue; }
            string Get(string column) => position.TryGetValue(column, out var at) ? reader.GetString(at).Trim() : "";
            string? Optional(string column) => Get(column) is { Length: > 0 } value ? value : null;
            var rowProblems = new List<SupporterFileProblem>();
            var details = new SupporterDetails
            {
                Name = Get("name"), Email = Optional("email"), Phone = Optional("phone"), Address = Optional("address"),
                Interests = Get("interests").Split([';', ','], StringSplitOptions.RemoveEmptyEntries), Notes = Optional("notes"),
            };
            if (Validation.Check(details, details.CheckTags()) is { } invalid)
                rowProblems.AddRange(invalid.Errors.Select(e => new SupporterFileProblem(line, e.FieldName.ToLowerInvariant(), e.Message)));
            var source = SupporterSource.Other;
            if (Get("source") is { Length: > 0 } s && !(Enum.TryParse(s.Replace(" ", "", StringComparison.Ordinal), true, out source) && Enum.IsDefined(source)))
                rowProblems.Add(new SupporterFileProblem(line, "source", $"\"{s}\" is not a source: event, referral, web form or other."));
            var purposes = new List<ConsentPurpose>();
            foreach (var p in Get("consents").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Enum.TryParse<ConsentPurpose>(p.Replace(" ", "", StringComparison.Ordinal), true, out var purpose) && Enum.IsDefined(purpose)) purposes.Add(purpose);
                else rowProblems.Add(new SupporterFileProblem(line, "consents", $"\"{p}\" is not a purpose: news, events or branchcontact."));
            }
            DateOnly? on = null;
            if (Get("consent_on") is { Length: > 0 } d)
            {
                if (!DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date > today)
                    rowProblems.Add(new SupporterFileProblem(line, "consent_on", $"\"{d}\" is not a past date such as 2025-05-01."));
                else on = date;
            }
            var how = ConsentMethod.Paper;
            if (Get("consent_how") is { Length: > 0 } h && !(Enum.TryParse(h.Replace(" ", "", StringComparison.Ordinal), true, out how) && Enum.IsDefined(how)))
                rowProblems.Add(new SupporterFileProblem(line, "consent_how", $"\"{h}\" is not how consent is given: paper, verbal or web form."));
            if (Get("organization").Length == 0) rowProblems.Add(new SupporterFileProblem(line, "organization", "The organization's code is required."));
            if (rowProblems.Count > 0) problems.AddRange(rowProblems);
            else rows.Add(new Row(line, Organization.NormalizeCode(Get("organization")), details, source, purposes.Distinct().ToList(), on, how));
        }
        if (problems.Count > 0) return new SupporterFileRefused(problems.Take(MaxProblems).ToList());
        if (rows.Count == 0) return new SupporterFileRefused([new SupporterFileProblem(2, "", "The file has a header but no supporters.")]);
        return rows;
    }
}
