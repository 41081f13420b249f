using System.Text;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members.Import;

/// Imports a member register from CSV (docs/import.md, decision 0011). A quick first pass reads only the member
/// numbers (so the numbers handed out to rows without one never meet a number further down the file); the second
/// checks every row and, unless it is a dry run, writes the good rows as it goes, in one transaction that is rolled
/// back when any row is bad (unless skip-invalid was asked for): a file with a bad row changes nothing. Rows are
/// matched to stored members by member number, so a re-run changes nothing.
public static class ImportMembers
{
    private const int BatchSize = 1_000;

    // From this many rows, an import into an empty register builds its indexes and counts after the rows are in.
    private const int DeferredFrom = 10_000;

    public sealed record Options
    {
        /// Validate and count, write nothing.
        public bool DryRun { get; init; }

        /// Import the good rows and reject the bad ones instead of refusing the whole file.
        public bool SkipInvalid { get; init; }

        /// Limits the import to this organization's subtree (within the actor's own).
        public string? OrganizationCode { get; init; }

        /// The file's name, for the report and the audit trail.
        public string FileName { get; init; } = "members.csv";

        /// Where the rejected rows go under SkipInvalid (the CLI: FILE.rejects.csv beside the input). Opened only when there are rejects.
        public Func<TextWriter>? OpenRejects { get; init; }

        public IProgress<ImportProgress>? Progress { get; init; }

        /// Rows kept for a preview (the web page shows the first ones).
        public int PreviewRows { get; init; }

        /// The report lists at most this many problems (all are counted), so a file of a million bad rows cannot exhaust memory.
        public int MaxProblemsListed { get; init; } = 10_000;
    }

    /// Phase is "Scanning" (the member numbers), then "Checking" (a dry run) or "Importing".
    public sealed record ImportProgress(string Phase, long Rows, long BytesRead, long TotalBytes);

    public sealed record Report
    {
        public required string FileName { get; init; }

        public bool DryRun { get; init; }

        public bool SkipInvalid { get; init; }

        /// True when nothing was written because of problems (always true for a dry run with problems and without skip-invalid).
        public bool Refused { get; init; }

        public int Rows { get; init; }

        public int Created { get; init; }

        public int Updated { get; init; }

        public int Unchanged { get; init; }

        public int Rejected { get; init; }

        public int ProblemCount { get; init; }

        public IReadOnlyList<ImportProblem> Problems { get; init; } = [];

        public IReadOnlyList<IReadOnlyList<string>> Preview { get; init; } = [];
    }

    public static async Task<Result<Report>> HandleAsync(CadreDbContext db, Actor actor, Func<Stream> open, Options options, CancellationToken ct)
    {
        if (!actor.Has(Permission.MembersManage)) return new ImportNotPermitted();
        var lookup = await ImportLookup.LoadAsync(db, actor, options.OrganizationCode, ct);
        if (!lookup.IsSuccess) return lookup.Error;

        var scan = await ScanAsync(open, options, ct);
        if (scan.HeaderProblems.Count > 0)
            return new Report
            {
                FileName = options.FileName, DryRun = options.DryRun, SkipInvalid = options.SkipInvalid, Refused = true,
                ProblemCount = scan.HeaderProblems.Count, Problems = scan.HeaderProblems,
            };

        if (options.DryRun) return (await PassAsync(db, lookup.Value, open, options, writer: null, ct)).Report(options, refusedIfBad: true);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        try
        {
            if (!db.IsPostgres)
            {
                // Several indexes take random keys: with SQLite's default 2 MB page cache, one large transaction spills the
                // same index pages to the write-ahead log again and again. 64 MB holds them (for this connection; reset below).
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", ct);
            }
            // Numbers given in the file are taken out of the sequence first, so the numbers handed out for the rows
            // without one (and to every later registration) never meet them. This write also takes SQLite's write lock
            // before the inserter reads the highest person id.
            await MemberNumbers.RaiseToAsync(db, scan.HighestGivenSequence, ct);
            // Into an empty register, a large import writes the rows first and builds the indexes after (sorted, in one
            // go): far faster on SQLite than an insertion into each index for every row. The unique indexes are checked
            // when rebuilt. Likewise the tally triggers: one rebuild at the end instead of an upsert per ancestor per row.
            // On PostgreSQL the indexes stay (its inserts into them are cheap enough); the triggers go on both engines: dropping
            // them locks the tables until the import commits, which into an empty register hides nothing from readers.
            var bulk = lookup.Value.RegisterWasEmpty && scan.Rows >= DeferredFrom;
            var deferred = bulk && !db.IsPostgres ? await DeferredIndexes.DropAsync(db, ct) : null;
            if (bulk) await MemberTallySql.SuspendAsync(db, ct);

            await using var inserter = await MemberInserter.CreateAsync(db, ct);
            var pass = await PassAsync(db, lookup.Value, open, options, inserter, ct);
            if (pass.Refused(options)) return pass.Report(options, refusedIfBad: true); // disposing the transaction rolls it back

            if (deferred is not null) await deferred.RebuildAsync(ct);
            if (bulk) await MemberTallySql.ResumeAsync(db, ct);
            // The rows created in bulk are summarized in one entry (decision 0011); updated members have their own entries.
            db.AuditEntries.Add(new AuditEntry
            {
                At = db.Now,
                UserId = actor.UserId,
                UserName = actor.Name,
                EntityType = "MemberImport",
                EntityId = Guid.NewGuid().ToString("N"),
                Action = AuditAction.Created,
                OrganizationId = lookup.Value.ScopeOrganizationId,
                After = JsonSerializer.Serialize(new
                {
                    File = options.FileName, pass.Rows, Created = pass.WrittenCreated, Updated = pass.WrittenUpdated,
                    Unchanged = pass.WrittenUnchanged, Rejected = pass.BadRows, Scope = lookup.Value.ScopeOrganizationCode,
                }),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return pass.Report(options, refusedIfBad: false) with
            {
                Created = pass.WrittenCreated, Updated = pass.WrittenUpdated, Unchanged = pass.WrittenUnchanged,
            };
        }
        finally
        {
            db.ChangeTracker.Clear();
            // The connection goes back to the pool: later requests get SQLite's default cache again.
            if (!db.IsPostgres && connection.State == System.Data.ConnectionState.Open)
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
        }
    }

    private sealed record Scan(IReadOnlyList<ImportProblem> HeaderProblems, int Rows, long HighestGivenSequence);

    /// Reads the header and the member-number column only: the highest number the file gives, and how many rows it has.
    private static async Task<Scan> ScanAsync(Func<Stream> open, Options options, CancellationToken ct)
    {
        await using var file = RowReader.Open(open());
        if (file.ReadHeader() is { Count: > 0 } headerProblems) return new Scan(headerProblems, 0, 0);
        var rows = 0;
        long highest = 0;
        while (file.ReadNumber() is { } number)
        {
            ct.ThrowIfCancellationRequested();
            rows++;
            if (number.Length > 0 && Member.IsWellFormedNumber(number)) highest = Math.Max(highest, SequenceOf(number));
            if (rows % (BatchSize * 10) == 0) options.Progress?.Report(new ImportProgress("Scanning", rows, file.BytesRead, file.TotalBytes));
        }
        options.Progress?.Report(new ImportProgress("Scanning", rows, file.BytesRead, file.TotalBytes));
        return new Scan([], rows, highest);
    }

    /// What the checking and writing pass found and did.
    private sealed class Pass
    {
        public int Rows { get; set; }

        public int Created { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        public int WrittenCreated { get; set; }

        public int WrittenUpdated { get; set; }

        public int WrittenUnchanged { get; set; }

        public int ProblemCount { get; set; }

        public int BadRows { get; set; }

        public List<ImportProblem> Problems { get; } = [];

        public List<IReadOnlyList<string>> Preview { get; } = [];

        public bool Refused(Options options) => ProblemCount > 0 && !options.SkipInvalid;

        public Report Report(Options options, bool refusedIfBad) => new()
        {
            FileName = options.FileName, DryRun = options.DryRun, SkipInvalid = options.SkipInvalid,
            Refused = refusedIfBad && Refused(options), Rows = Rows, Created = Created, Updated = Updated, Unchanged = Unchanged,
            Rejected = BadRows, ProblemCount = ProblemCount, Problems = Problems, Preview = Preview,
        };
    }

    /// Checks every row, a batch at a time; with an inserter, writes each batch's good rows, and stops writing at the
    /// first bad row unless skip-invalid (the caller then rolls the transaction back, with what was written).
    private static async Task<Pass> PassAsync(CadreDbContext db, ImportLookup lookup, Func<Stream> open, Options options, MemberInserter? writer,
        CancellationToken ct)
    {
        var pass = new Pass();
        var phase = writer is null ? "Checking" : "Importing";
        // The numbers and email addresses seen so far, each as 16 bytes (a million rows would hold 150 MB as strings).
        var numbersSeen = new Dictionary<UInt128, int>();
        var emailsSeen = new Dictionary<UInt128, int>();
        TextWriter? rejectsFile = null;
        CsvWriter? rejects = null;
        try
        {
            await using var file = RowReader.Open(open());
            file.ReadHeader();
            var batch = new List<Candidate>(BatchSize);
            var today = db.Today;
            while (true)
            {
                var row = file.ReadRow();
                if (row is not null)
                {
                    if (pass.Preview.Count < options.PreviewRows) pass.Preview.Add(row.Values);
                    batch.Add(lookup.Parse(row, today));
                }
                if (batch.Count == BatchSize || (row is null && batch.Count > 0))
                {
                    await lookup.CheckAgainstStoredAsync(db, batch, ct);
                    var good = new List<Candidate>(batch.Count);
                    foreach (var candidate in batch)
                    {
                        pass.Rows++;
                        CheckWithinFile(candidate, numbersSeen, emailsSeen);
                        if (candidate.Problems.Count > 0)
                        {
                            pass.BadRows++;
                            pass.ProblemCount += candidate.Problems.Count;
                            foreach (var problem in candidate.Problems)
                                if (pass.Problems.Count < options.MaxProblemsListed) pass.Problems.Add(problem);
                            if (options.SkipInvalid && writer is not null && options.OpenRejects is not null)
                            {
                                if (rejects is null)
                                {
                                    rejectsFile = options.OpenRejects();
                                    rejects = CsvWriter.Create(rejectsFile, MemberCsv.WriterOptions, leaveOpen: true);
                                    rejects.WriteHeader([.. MemberCsv.Columns, "reason"]);
                                }
                                await rejects.WriteRecordAsync([.. candidate.Raw,
                                    string.Join("; ", candidate.Problems.Select(p => $"line {p.Line}, {p.Column}: {p.Reason}"))], ct);
                            }
                            continue;
                        }
                        switch (candidate.Outcome)
                        {
                            case Outcome.Create: pass.Created++; break;
                            case Outcome.Update: pass.Updated++; break;
                            default: pass.Unchanged++; break;
                        }
                        good.Add(candidate);
                    }
                    if (writer is not null && !pass.Refused(options)) await WriteAsync(db, writer, good, pass, today, ct);
                    batch.Clear();
                    options.Progress?.Report(new ImportProgress(phase, pass.Rows, file.BytesRead, file.TotalBytes));
                }
                if (row is null) break;
            }
            return pass;
        }
        finally
        {
            if (rejects is not null) await rejects.DisposeAsync();
            if (rejectsFile is not null) await rejectsFile.DisposeAsync();
        }
    }

    /// Writes a batch of good rows: new members in bulk, changes to stored members through their entities.
    private static async Task WriteAsync(CadreDbContext db, MemberInserter writer, List<Candidate> good, Pass pass, DateOnly today,
        CancellationToken ct)
    {
        var updates = good.Where(c => c.Outcome != Outcome.Create).Select(c => c.Number!).ToList();
        var stored = updates.Count == 0
            ? []
            : await db.Members.Include(m => m.Person).Where(m => updates.Contains(m.Number)).ToDictionaryAsync(m => m.Number, ct);
        var withoutNumber = good.Count(c => c.Outcome == Outcome.Create && c.Number is null);
        var nextSequence = withoutNumber > 0 ? await MemberNumbers.ReserveAsync(db, withoutNumber, ct) : 0;
        foreach (var candidate in good)
        {
            if (candidate.Outcome != Outcome.Create)
            {
                if (await ImportLookup.ApplyAsync(db, stored[candidate.Number!], candidate, ct)) pass.WrittenUpdated++;
                else pass.WrittenUnchanged++;
                continue;
            }
            var number = candidate.Number ?? Member.FormatNumber(nextSequence++);
            writer.Insert(ImportLookup.Enrol(candidate, number, today));
            pass.WrittenCreated++;
        }
        await writer.FlushAsync(ct);
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static void CheckWithinFile(Candidate candidate, Dictionary<UInt128, int> numbers, Dictionary<UInt128, int> emails)
    {
        if (candidate.Number is { } number && candidate.Problems.All(p => p.Column != MemberCsv.Number))
        {
            if (numbers.TryGetValue(CompactKey(number), out var first)) candidate.Problems.Add(new DuplicateNumberInFile(candidate.Line, number, first));
            else numbers.Add(CompactKey(number), candidate.Line);
        }
        if (candidate.EmailKey is { } email && candidate.Problems.All(p => p.Column != MemberCsv.Email))
        {
            if (emails.TryGetValue(CompactKey(email), out var first)) candidate.Problems.Add(new DuplicateEmailInFile(candidate.Line, candidate.Data.Email!, first));
            else emails.Add(CompactKey(email), candidate.Line);
        }
    }

    /// A member number (digits) exactly, as the number "1" + digits (leading zeros count); anything else as the first
    /// 16 bytes of its SHA-256, where a collision is as likely as guessing a 128-bit key.
    private static UInt128 CompactKey(string value)
    {
        if (value.Length <= 37 && value.All(char.IsAsciiDigit))
            return UInt128.Parse("1" + value, System.Globalization.CultureInfo.InvariantCulture);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private static long SequenceOf(string number) =>
        number.Length <= 18 ? long.Parse(number.AsSpan(0, number.Length - 1), System.Globalization.CultureInfo.InvariantCulture) : 0;
}

internal enum Outcome
{
    Create,
    Update,
    Unchanged,
}

/// One row read from the file, as values and as what it would become.
internal sealed class Candidate
{
    public int Index { get; init; }

    public int Line { get; init; }

    public required IReadOnlyList<string> Raw { get; init; }

    public string? Number { get; set; }

    public PersonalData Data { get; set; } = new();

    public string? EmailKey { get; set; }

    public ImportLookup.OrganizationInfo? Organization { get; set; }

    public DateOnly JoinedOn { get; set; }

    public MemberStatus Status { get; set; } = MemberStatus.Member;

    /// The person the row describes, built (and checked) by their own factory while parsing; written when the row is new.
    public Person? Person { get; set; }

    public Outcome Outcome { get; set; } = Outcome.Create;

    public List<ImportProblem> Problems { get; } = [];
}

/// A row of fields with the line it starts on, read with CsvHelper's reader (UTF-8 bytes, no per-row reflection).
internal sealed class RowReader : IAsyncDisposable
{
    private readonly Stream stream;
    private readonly CsvReader reader;
    private readonly Dictionary<long, CsvMalformedRecord> malformed = [];
    private int[] positions = [];
    private int index;
    private bool stopped;

    private RowReader(Stream stream)
    {
        this.stream = stream;
        // UTF-8 with or without a byte order mark; the mark is not part of the first column's name.
        reader = CsvReader.Create(stream, MemberCsv.ReaderOptions(m => malformed[m.RecordNumber] = m), leaveOpen: false);
    }

    public sealed record Row(int Index, int Line, IReadOnlyList<string> Values, ImportProblem? Problem);

    public long BytesRead => reader.ByteOffset;

    public long TotalBytes => stream.CanSeek ? stream.Length : 0;

    public int FieldCount { get; private set; }

    public static RowReader Open(Stream stream) => new(stream);

    public List<ImportProblem> ReadHeader()
    {
        try
        {
            reader.ReadHeader();
        }
        catch (CsvFormatException e)
        {
            return [new BrokenQuote((int)Math.Max(e.LineNumber, 1), "")];
        }
        var header = reader.Headers;
        if (header.Count == 0) return [new EmptyFile()];
        var problems = new List<ImportProblem>();
        if (malformed.Remove(1)) problems.Add(new BrokenQuote(1, ""));
        positions = Enumerable.Repeat(-1, MemberCsv.Columns.Count).ToArray();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            var column = FindColumn(name);
            if (column < 0) problems.Add(new UnknownColumn(name));
            else if (positions[column] >= 0) problems.Add(new DuplicateColumn(name));
            else positions[column] = i;
        }
        for (var c = 0; c < positions.Length; c++)
            if (positions[c] < 0) problems.Add(new MissingColumn(MemberCsv.Columns[c]));
        FieldCount = header.Count;
        return problems;
    }

    private static int FindColumn(string name)
    {
        for (var c = 0; c < MemberCsv.Columns.Count; c++)
            if (string.Equals(MemberCsv.Columns[c], name, StringComparison.OrdinalIgnoreCase)) return c;
        return -1;
    }

    /// The next row's member number (empty when it has none), or null at the end of the file; a broken row gives "".
    public string? ReadNumber()
    {
        if (stopped) return null;
        try
        {
            if (!reader.Read()) return null;
        }
        catch (CsvFormatException)
        {
            stopped = true;
            return "";
        }
        // Bad quoting is named by the second pass; here the record is only counted.
        malformed.Remove(reader.RowNumber + 1);
        var position = positions[MemberCsv.Position[MemberCsv.Number]];
        return position < reader.FieldCount ? reader.GetString(position).Trim() : "";
    }

    /// The next row's values in the order of MemberCsv.Columns, or null at the end of the file.
    public Row? ReadRow()
    {
        if (stopped) return null;
        try
        {
            if (!reader.Read()) return null;
        }
        catch (CsvFormatException e)
        {
            // A quote left open runs on past the record size limit: the row it starts on is named, and reading stops.
            stopped = true;
            var line = (int)Math.Max(e.LineNumber, 1);
            return new Row(index++, line, new string[MemberCsv.Columns.Count], new BrokenQuote(line, ""));
        }
        var start = (int)reader.LineNumber;
        var count = reader.FieldCount;
        var values = new string[MemberCsv.Columns.Count];
        for (var c = 0; c < values.Length; c++) values[c] = positions[c] >= 0 && positions[c] < count ? reader.GetString(positions[c]) : "";
        ImportProblem? problem = null;
        // The header is record 1, so data row n is record n + 1.
        if (malformed.Remove(reader.RowNumber + 1, out var bad) && bad.Reason != CsvMalformedReason.FieldCountMismatch)
        {
            problem = new BrokenQuote(start, ColumnAt(bad.ByteOffset - reader.ByteOffset));
        }
        else if (count != FieldCount)
        {
            var first = count < FieldCount ? Array.IndexOf(positions, count) : -1;
            problem = new WrongFieldCount(start, first >= 0 ? MemberCsv.Columns[first] : "", FieldCount, count);
        }
        return new Row(index++, start, values, problem);
    }

    /// The column of the field at a byte offset into the current record: the separators outside quotes before it.
    private string ColumnAt(long offset)
    {
        var raw = reader.RawRecord;
        int field = 0, quotes = 0;
        for (var i = 0; i < raw.Length && i < offset; i++)
        {
            if (raw[i] == (byte)'"') quotes++;
            else if (raw[i] == (byte)',' && quotes % 2 == 0) field++;
        }
        var column = Array.IndexOf(positions, field);
        return column >= 0 ? MemberCsv.Columns[column] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync();
        await stream.DisposeAsync();
    }
}
