using System.Text;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members.Import;

/// Imports a member register from CSV (docs/import.md) in two streaming passes: the first validates every row and
/// writes nothing; the second, only when the first found nothing wrong (or skip-invalid was asked for), writes the
/// good rows in one transaction. Rows are matched to stored members by member number, so a re-run changes nothing.
public static class ImportMembers
{
    private const int BatchSize = 1_000;

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

        var check = await ValidateAsync(db, lookup.Value, open, options, ct);
        var refused = check.HeaderBroken || (check.ProblemCount > 0 && !options.SkipInvalid);
        var report = new Report
        {
            FileName = options.FileName,
            DryRun = options.DryRun,
            SkipInvalid = options.SkipInvalid,
            Refused = refused,
            Rows = check.Rows,
            Created = check.Created,
            Updated = check.Updated,
            Unchanged = check.Unchanged,
            Rejected = check.BadRows.Count,
            ProblemCount = check.ProblemCount,
            Problems = check.Problems,
            Preview = check.Preview,
        };
        if (refused || options.DryRun) return report;

        var written = await WriteAsync(db, actor, lookup.Value, open, check, options, ct);
        return report with { Created = written.Created, Updated = written.Updated, Unchanged = written.Unchanged };
    }

    private sealed class Check
    {
        public bool HeaderBroken { get; set; }

        public int Rows { get; set; }

        public int Created { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        public int ProblemCount { get; set; }

        public int NewWithoutNumber { get; set; }

        public long HighestGivenSequence { get; set; }

        public List<ImportProblem> Problems { get; } = [];

        /// Row indexes (0 is the first row after the header) to leave out of the write.
        public HashSet<int> BadRows { get; } = [];

        public List<IReadOnlyList<string>> Preview { get; } = [];
    }

    private static async Task<Check> ValidateAsync(CadreDbContext db, ImportLookup lookup, Func<Stream> open, Options options, CancellationToken ct)
    {
        var check = new Check();
        // The numbers and email addresses seen so far, each as 16 bytes (a million rows would hold 150 MB as strings).
        var numbersSeen = new Dictionary<UInt128, int>();
        var emailsSeen = new Dictionary<UInt128, int>();
        TextWriter? rejectsFile = null;
        CsvWriter? rejects = null;
        try
        {
            await using var file = RowReader.Open(open());
            if (file.ReadHeader() is { Count: > 0 } headerProblems)
            {
                check.HeaderBroken = true;
                check.ProblemCount = headerProblems.Count;
                check.Problems.AddRange(headerProblems);
                return check;
            }

            var batch = new List<Candidate>(BatchSize);
            while (true)
            {
                var row = file.ReadRow();
                if (row is not null)
                {
                    if (check.Preview.Count < options.PreviewRows) check.Preview.Add(row.Values);
                    batch.Add(lookup.Parse(row, db.Today));
                }
                if (batch.Count == BatchSize || (row is null && batch.Count > 0))
                {
                    await lookup.CheckAgainstStoredAsync(db, batch, ct);
                    foreach (var candidate in batch)
                    {
                        check.Rows++;
                        CheckWithinFile(candidate, numbersSeen, emailsSeen);
                        if (candidate.Problems.Count > 0)
                        {
                            check.BadRows.Add(candidate.Index);
                            check.ProblemCount += candidate.Problems.Count;
                            foreach (var problem in candidate.Problems)
                                if (check.Problems.Count < options.MaxProblemsListed) check.Problems.Add(problem);
                            if (options.SkipInvalid && !options.DryRun && options.OpenRejects is not null)
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
                            case Outcome.Create:
                                check.Created++;
                                if (candidate.Number is null) check.NewWithoutNumber++;
                                else check.HighestGivenSequence = Math.Max(check.HighestGivenSequence, SequenceOf(candidate.Number));
                                break;
                            case Outcome.Update:
                                check.Updated++;
                                break;
                            default:
                                check.Unchanged++;
                                break;
                        }
                    }
                    batch.Clear();
                    options.Progress?.Report(new ImportProgress("Checking", check.Rows, file.BytesRead, file.TotalBytes));
                }
                if (row is null) break;
            }
            return check;
        }
        finally
        {
            if (rejects is not null) await rejects.DisposeAsync();
            if (rejectsFile is not null) await rejectsFile.DisposeAsync();
        }
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

    private sealed record Written(int Created, int Updated, int Unchanged);

    private static async Task<Written> WriteAsync(CadreDbContext db, Actor actor, ImportLookup lookup, Func<Stream> open, Check check,
        Options options, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!db.IsPostgres)
        {
            // Ten indexes take random keys: with SQLite's default 2 MB page cache, one large transaction spills the same
            // index pages to the write-ahead log again and again. 64 MB holds them (for this connection; reset below).
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", ct);
        }
        // Numbers given in the file are taken out of the sequence first, so the numbers handed out for the rows
        // without one (and to every later registration) never meet them. These writes also take SQLite's write lock
        // before the inserter reads the highest person id.
        await MemberNumbers.RaiseToAsync(db, check.HighestGivenSequence, ct);
        var nextSequence = check.NewWithoutNumber > 0 ? await MemberNumbers.ReserveAsync(db, check.NewWithoutNumber, ct) : 0;
        // Into an empty register, a large import writes the rows first and builds the indexes after (sorted, in one go):
        // far faster on SQLite than ten random index insertions per row. The unique indexes are checked when rebuilt.
        var deferred = lookup.RegisterWasEmpty && check.Created >= 10_000 && !db.IsPostgres ? await DeferredIndexes.DropAsync(db, ct) : null;
        // Likewise the tally triggers: one rebuild at the end instead of an upsert per ancestor per row.
        if (deferred is not null) await MemberTallySql.SuspendAsync(db, ct);
        await using var inserter = await MemberInserter.CreateAsync(db, ct);
        int created = 0, updated = 0, unchanged = 0;
        try
        {
            await using var file = RowReader.Open(open());
            file.ReadHeader();
            var batch = new List<Candidate>(BatchSize);
            var index = 0;
            while (true)
            {
                var row = file.ReadRow();
                if (row is not null && !check.BadRows.Contains(index++)) batch.Add(lookup.Parse(row, db.Today, guards: false));
                if (batch.Count == BatchSize || (row is null && batch.Count > 0))
                {
                    var numbers = batch.Where(c => c.Number is not null).Select(c => c.Number!).ToList();
                    var stored = numbers.Count == 0 || lookup.RegisterWasEmpty
                        ? []
                        : await db.Members.Include(m => m.Person).Where(m => numbers.Contains(m.Number)).ToDictionaryAsync(m => m.Number, ct);
                    foreach (var candidate in batch)
                    {
                        if (candidate.Number is { } n && stored.TryGetValue(n, out var member))
                        {
                            if (await ImportLookup.ApplyAsync(db, member, candidate, ct)) updated++;
                            else unchanged++;
                            continue;
                        }
                        var number = candidate.Number ?? Member.FormatNumber(nextSequence++);
                        await inserter.InsertAsync(ImportLookup.Enrol(candidate, number, db.Today), ct);
                        created++;
                    }
                    await inserter.FlushAsync(ct);
                    if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    batch.Clear();
                    options.Progress?.Report(new ImportProgress("Importing", created + updated + unchanged, file.BytesRead, file.TotalBytes));
                }
                if (row is null) break;
            }

            if (deferred is not null)
            {
                await deferred.RebuildAsync(ct);
                await MemberTallySql.ResumeAsync(db, ct);
            }

            // The rows created in bulk are summarized in one entry (decision 0010); updated members have their own entries.
            db.AuditEntries.Add(new AuditEntry
            {
                At = db.Now,
                UserId = actor.UserId,
                UserName = actor.Name,
                EntityType = "MemberImport",
                EntityId = Guid.NewGuid().ToString("N"),
                Action = AuditAction.Created,
                OrganizationId = lookup.ScopeOrganizationId,
                After = JsonSerializer.Serialize(new
                {
                    File = options.FileName, check.Rows, Created = created, Updated = updated, Unchanged = unchanged,
                    Rejected = check.BadRows.Count, Scope = lookup.ScopeOrganizationCode,
                }),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Written(created, updated, unchanged);
        }
        finally
        {
            // The connection goes back to the pool: later requests get SQLite's default cache again.
            if (!db.IsPostgres && db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
        }
    }
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
