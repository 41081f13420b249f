using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Elections.Counting;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses.Polls;

/// The tellers import an election's ranked paper ballots from a BLT file. All or nothing: the whole file is read and
/// checked first (every line, and its candidates against the poll's, by name) and any problem refuses it with its line.
/// The ballots are stored like cast ones, with no voter, under random receipts, marked as paper, with the file's weights;
/// then the poll is counted by its method over the electronic and paper ballots together (decision 0029).
public static class ImportPaperBallots
{
    /// Large enough for a million ballot lines.
    public const int MaxBytes = 64 * 1024 * 1024;

    public sealed record Imported(int Ballots, long Votes, PollResult Result);

    /// A BLT file's text (UTF-8, with or without a byte-order mark), refused beyond MaxBytes before it is read whole.
    public static async Task<Result<string>> ReadFileAsync(Stream content, CancellationToken ct)
    {
        using var reader = new StreamReader(content, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 81_920, leaveOpen: true);
        var text = new System.Text.StringBuilder();
        var buffer = new char[81_920];
        while (await reader.ReadAsync(buffer, ct) is var n and > 0)
        {
            text.Append(buffer, 0, n);
            if (text.Length > MaxBytes) return new PaperBallotFileTooLarge();
        }
        return text.ToString();
    }

    public static async Task<Result<Imported>> HandleAsync(CadreDbContext db, Actor actor, int pollId, string blt, CancellationToken ct)
    {
        var found = await PollAccess.ManageAsync(db, actor, pollId, ct);
        if (!found.IsSuccess) return found.Error;
        var poll = found.Value;
        // A poll that takes no paper now says so before its file is read.
        if (poll.RefusesPaper(PollKind.Election) is { } refused) return refused;
        var read = BltReader.Read(new StringReader(blt));
        if (!read.IsSuccess) return read.Error;
        var set = read.Value;
        var positions = Match(poll, set, blt);
        if (!positions.IsSuccess) return positions.Error;
        if (set.Ballots.FirstOrDefault(b => b.Weight > int.MaxValue) is { } heavy) return new PaperBallotTooHeavy(heavy.Weight);
        var ballots = set.Ballots.Select(b => new Ballot(pollId, ClosePoll.MarksOf(b, positions.Value), (int)b.Weight, null, paper: true)).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await PollAccess.LockAsync(db, poll, ct);
        var electronic = await db.Ballots.Where(b => b.PollId == pollId).SumAsync(b => (long)b.Weight, ct);
        var recorded = poll.RecordPaperBallots(ballots.Count, set.TotalWeight, electronic, db.Now);
        if (!recorded.IsSuccess) return recorded.Error;
        db.Ballots.AddRange(ballots);
        var saved = await CongressAccess.SaveAsync(db, ct);
        if (!saved.IsSuccess) return saved.Error;
        var result = poll.Status == PollStatus.Open ? await ClosePoll.CountAndCloseAsync(db, poll, ct) : await ClosePoll.RecountAsync(db, poll, ct);
        if (!result.IsSuccess) return result.Error;
        saved = await CongressAccess.SaveAsync(db, ct);
        if (!saved.IsSuccess) return saved.Error;
        await transaction.CommitAsync(ct);
        return new Imported(ballots.Count, set.TotalWeight, result.Value);
    }

    /// The poll position of each of the file's candidates, matched by name (case aside). The file must name every standing
    /// candidate of the poll and no one else, fill the same seats, and withdraw no one who stands.
    private static Result<int[]> Match(Poll poll, BallotSet set, string blt)
    {
        if (set.Seats != poll.Seats) return new BltSeatsDiffer(set.Seats, poll.Seats);
        var positions = new int[set.Candidates.Count];
        var taken = new HashSet<int>();
        for (var i = 0; i < set.Candidates.Count; i++)
        {
            var name = set.Candidates[i].Name.Trim();
            var candidate = poll.Candidates.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (candidate is null) return new BltNotACandidate(LineOf(blt, set.Candidates[i].Name), name, string.Join(", ", Standing(poll)));
            if (!taken.Add(candidate.Position)) return new BltCandidateTwice(LineOf(blt, set.Candidates[i].Name), name);
            if (set.Candidates[i].Withdrawn && !candidate.Withdrawn) return new BltWithdrawsAStandingCandidate(LineOf(blt, set.Candidates[i].Name), name);
            positions[i] = candidate.Position;
        }
        var missing = poll.Candidates.Where(c => !c.Withdrawn && !taken.Contains(c.Position)).Select(c => c.Name).ToList();
        if (missing.Count > 0) return new BltMissesCandidates(string.Join(", ", missing));
        return positions;
    }

    private static IEnumerable<string> Standing(Poll poll) => poll.Candidates.Where(c => !c.Withdrawn).OrderBy(c => c.Position).Select(c => c.Name);

    /// The line of a candidate's name: the names close the file, so the last line opening with it (the reader has checked it is there).
    private static int LineOf(string blt, string name)
    {
        var lines = blt.Split('\n');
        for (var i = lines.Length - 1; i >= 0; i--)
            if (lines[i].TrimStart().StartsWith($"\"{name}\"", StringComparison.Ordinal)) return i + 1;
        return lines.Length;
    }
}

public sealed record BltSeatsDiffer(int File, int Poll) : BallotFileError(1, $"the file fills {File} seat(s); the poll fills {Poll}.");

public sealed record BltNotACandidate(int AtLine, string Name, string Candidates)
    : BallotFileError(AtLine, $"'{Name}' is not a candidate of this poll (its candidates: {Candidates}).");

public sealed record BltCandidateTwice(int AtLine, string Name) : BallotFileError(AtLine, $"'{Name}' is named twice among the candidates.");

public sealed record BltWithdrawsAStandingCandidate(int AtLine, string Name)
    : BallotFileError(AtLine, $"the file withdraws '{Name}', who stands in this poll.");

public sealed record BltMissesCandidates(string Names)
    : BallotFileError(1, $"the file does not list every candidate of the poll: {Names} missing.");

public sealed record PaperBallotTooHeavy(long Weight) : InvalidField("File", $"A ballot weight of {Weight} is more than a poll can store (2,147,483,647).");

public sealed record PaperBallotFileTooLarge()
    : InvalidField("File", $"The ballot file is larger than {ImportPaperBallots.MaxBytes / (1024 * 1024)} MB.");
