using System.Globalization;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

/// One thing wrong with a party file, at a line (1 is the header) and a column of the file.
public sealed record PartyFileProblem(int Line, string Column, string Reason)
{
    public override string ToString() => Column.Length == 0 ? $"{Line}: {Reason}" : $"{Line}:{Column}: {Reason}";
}

public sealed record PartyFileRefused(IReadOnlyList<PartyFileProblem> Problems)
    : Error(Problems.Count == 1 ? $"The party file is refused: {Problems[0]}" : $"The party file is refused: {Problems.Count} problem(s), the first {Problems[0]}");

/// `cadre import parties FILE`: the Party Facts core table (decision 0060). Columns are found by their names in the header,
/// in any order; rows whose `technical` column is filled (placeholders such as "alliance") are left out. Every row is checked
/// before anything is written: one bad row and nothing changes. A party is matched by its Party Facts id, so importing the
/// file again creates nothing and a newer file updates the parties that changed.
public static class ImportParties
{
    public const int MaxProblems = 100;

    public static readonly IReadOnlyList<string> RequiredColumns = ["country", "partyfacts_id", "technical", "name"];

    public static readonly IReadOnlyList<string> OptionalColumns = ["name_short", "name_english", "name_other", "year_first", "year_last", "wikipedia", "description"];

    public sealed record Report(int Rows, int Skipped, int Created, int Updated, int Unchanged, int Countries);

    private sealed record Row(int Line, int PartyFactsId, PartyDetails Details);

    public static async Task<Result<Report>> HandleAsync(CadreDbContext db, Actor actor, Stream file, CancellationToken ct)
    {
        if (!await InternationalAccess.KeepsRegistryAsync(db, actor, ct)) return new RegistryNotPermitted();
        var read = await ReadAsync(file, ct);
        if (!read.IsSuccess) return read.Error;
        var (rows, skipped) = read.Value;

        var existing = await db.Parties.Where(p => p.PartyFactsId != null).ToDictionaryAsync(p => p.PartyFactsId!.Value, ct);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.PartyFactsId, out var party))
            {
                if (party.Change(row.Details).Value) updated++;
                else unchanged++;
            }
            else
            {
                db.Parties.Add(Party.Register(row.Details, row.PartyFactsId).Value);
                created++;
            }
        }
        // Saved with the audit trail in one transaction: the import is whole or absent.
        await db.SaveChangesAsync(ct);
        return new Report(rows.Count + skipped, skipped, created, updated, unchanged, rows.Select(r => r.Details.CountryCode.ToUpperInvariant()).Distinct().Count());
    }

    private static async Task<Result<(List<Row> Rows, int Skipped)>> ReadAsync(Stream file, CancellationToken ct)
    {
        var malformed = new Dictionary<long, CsvMalformedRecord>();
        await using var reader = CsvReader.Create(file, ReaderOptions(m => malformed[m.RecordNumber] = m), leaveOpen: true);
        var problems = new List<PartyFileProblem>();
        try
        {
            reader.ReadHeader();
        }
        catch (CsvFormatException e)
        {
            return new PartyFileRefused([new PartyFileProblem((int)Math.Max(e.LineNumber, 1), "", "A quote in the header is not closed.")]);
        }
        var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (header.Count == 0 || header is [""]) return new PartyFileRefused([new PartyFileProblem(1, "", "The file is empty: the first line must be the header.")]);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length == 0) continue;
            if (!position.TryAdd(header[i], i)) problems.Add(new PartyFileProblem(1, header[i], $"The column \"{header[i]}\" appears twice in the header."));
        }
        foreach (var column in RequiredColumns.Where(c => !position.ContainsKey(c)))
            problems.Add(new PartyFileProblem(1, column, $"The header has no column \"{column}\" (is this the Party Facts core table?)."));
        if (problems.Count > 0) return new PartyFileRefused(problems);

        var rows = new List<Row>();
        var firstLine = new Dictionary<int, int>();
        var skipped = 0;
        while (problems.Count < MaxProblems)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (!reader.Read()) break;
            }
            catch (CsvFormatException e)
            {
                problems.Add(new PartyFileProblem((int)Math.Max(e.LineNumber, 1), "", "A quote is not closed: the rest of the file cannot be read."));
                break;
            }
            var line = (int)reader.LineNumber;
            // The header is record 1, so data row n is record n + 1.
            if (malformed.Remove(reader.RowNumber + 1, out var bad) && bad.Reason != CsvMalformedReason.FieldCountMismatch)
            {
                problems.Add(new PartyFileProblem(line, "", "A quote is not closed, or a quoted field has characters after its closing quote."));
                continue;
            }
            if (reader.FieldCount != header.Count)
            {
                problems.Add(new PartyFileProblem(line, "", $"The row has {reader.FieldCount} field(s); the header has {header.Count}."));
                continue;
            }
            string Get(string column) => position.TryGetValue(column, out var at) ? reader.GetString(at).Trim() : "";
            if (Get("technical").Length > 0)
            {
                skipped++;
                continue;
            }
            var rowProblems = new List<PartyFileProblem>();
            var idText = Get("partyfacts_id");
            if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                rowProblems.Add(new PartyFileProblem(line, "partyfacts_id", $"\"{idText}\" is not a Party Facts id (a positive whole number)."));
            else if (firstLine.TryGetValue(id, out var first))
                rowProblems.Add(new PartyFileProblem(line, "partyfacts_id", $"The Party Facts id {id} is also on line {first}."));
            else firstLine[id] = line;
            var details = new PartyDetails
            {
                CountryCode = Get("country"), Name = Get("name"), NameEnglish = Get("name_english"), NameShort = Get("name_short"),
                NameOther = Get("name_other"), Wikipedia = Get("wikipedia"), Description = Get("description"),
                FoundedYear = Year(Get("year_first"), line, "year_first", rowProblems), DissolvedYear = Year(Get("year_last"), line, "year_last", rowProblems),
            };
            foreach (var error in Party.Check(details))
            {
                if (error.FieldName is "FoundedYear" or "DissolvedYear" && rowProblems.Count > 0) continue;
                rowProblems.Add(new PartyFileProblem(line, ColumnOf(error.FieldName), error.FieldName == "CountryCode"
                    ? $"\"{details.CountryCode}\" is not a country code Cadre knows (ISO 3166-1 alpha-3, or one of the former states in docs/international.md)."
                    : error.Message));
            }
            if (rowProblems.Count > 0) problems.AddRange(rowProblems);
            else rows.Add(new Row(line, id, details));
        }
        if (problems.Count > 0) return new PartyFileRefused(problems.Take(MaxProblems).ToList());
        if (rows.Count == 0 && skipped == 0) return new PartyFileRefused([new PartyFileProblem(2, "", "The file has a header but no parties.")]);
        return (rows, skipped);
    }

    private static int? Year(string value, int line, string column, List<PartyFileProblem> problems)
    {
        if (value.Length == 0) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return year;
        problems.Add(new PartyFileProblem(line, column, $"\"{value}\" is not a year such as 1992."));
        return null;
    }

    private static string ColumnOf(string field) => field switch
    {
        "CountryCode" => "country",
        "Name" => "name",
        "NameEnglish" => "name_english",
        "NameShort" => "name_short",
        "NameOther" => "name_other",
        "FoundedYear" => "year_first",
        "DissolvedYear" => "year_last",
        "Wikipedia" => "wikipedia",
        "Description" => "description",
        _ => field,
    };

    /// Strict RFC 4180 with a comma; bad quoting is reported with its line instead of thrown.
    private static CsvReaderOptions ReaderOptions(Action<CsvMalformedRecord> onMalformed) => new()
    {
        Separator = ',',
        Mode = CsvMode.Rfc4180,
        HasHeader = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        TrimWhitespace = false,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MalformedData = CsvMalformedDataHandling.Recover,
        OnMalformedRecord = onMalformed,
        // An unclosed quote would otherwise read the rest of the file into one field.
        MaxRecordSize = 1 << 16,
        IncludeValuesInExceptions = false,
    };
}
