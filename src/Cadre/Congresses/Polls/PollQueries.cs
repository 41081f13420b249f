using System.Text.Json;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Elections.Counting;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses.Polls;

public sealed record PollSummary(int Id, string Title, PollKind Kind, PollStatus Status, bool Secret, int Seats, string? Method, int BallotsCast);

public sealed record CandidateRow(int Position, string Name, int? MemberId, bool Withdrawn);

/// A poll as the presidium and the delegates see it; Voted and CanVote answer for the asking delegate.
public sealed record PollDetail(int Id, int CongressId, string Title, PollKind Kind, PollStatus Status, bool Secret, int Seats, string? Method,
    string? Majority, string? MajorityBase, int BallotsCast, int? EntitledAtClose, int? PresentAtClose, IReadOnlyList<CandidateRow> Candidates,
    PollResult? Result, bool CanManage, bool IsDelegate, bool Voted, string? CannotVoteBecause, bool PaperOnly, DateTime? PaperEnteredAt)
{
    /// Whether the tellers may enter the paper count now (decisions 0028, 0029): the page shows its form only then.
    public bool TakesPaper => CanManage && PaperEnteredAt is null
        && (Status == PollStatus.Closed || (Status == PollStatus.Open && PaperOnly));
}

/// A counted ballot as published; Paper: imported from the tellers' paper ballots.
public sealed record PublishedBallot(string Receipt, string Marks, IReadOnlyList<string> Choices, int Weight, int? DelegateId, bool Paper = false);

public static class PollQueries
{
    public static async Task<Result<List<PollSummary>>> ListAsync(CadreDbContext db, Actor actor, int congressId, CancellationToken ct)
    {
        var congress = await db.Congresses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == congressId, ct);
        if (congress is null || (!await actor.CanAsync(db, Permission.CongressesRead, congress.OrganizationId, ct)
            && await PollAccess.DelegateOfAsync(db, actor, congressId, ct) is null)) return new CongressNotFound();
        var polls = await db.Polls.AsNoTracking().Where(p => p.CongressId == congressId).OrderBy(p => p.Id).ToListAsync(ct);
        return polls.Select(p => new PollSummary(p.Id, p.Title, p.Kind, p.Status, p.Secret, p.Seats, p.Method is { } m ? Count.Name(m) : null, p.BallotsCast))
            .ToList();
    }

    public static async Task<Result<PollDetail>> GetAsync(CadreDbContext db, Actor actor, int pollId, CancellationToken ct)
    {
        var found = await PollAccess.ReadAsync(db, actor, pollId, ct);
        if (!found.IsSuccess) return found.Error;
        var p = found.Value;
        var canManage = await actor.CanAsync(db, Permission.CongressesManage, p.OrganizationId, ct);
        var delegateRow = await PollAccess.DelegateOfAsync(db, actor, p.CongressId, ct);
        var voted = delegateRow is not null && await db.PollVoters.AnyAsync(v => v.PollId == pollId && v.DelegateId == delegateRow.Id, ct);
        string? why = delegateRow switch
        {
            null => "You are not a delegate of this congress.",
            _ when p.PaperOnly => "This poll is voted on paper.",
            _ when voted => "You have voted.",
            _ when p.Status != PollStatus.Open => "The poll is not open.",
            { HoldsSeat: false } => "You do not hold a seat (mandate not confirmed, or an alternate).",
            { Present: false } => "You are not checked in.",
            _ => null,
        };
        var result = p.Result is not null && (p.Status == PollStatus.Published || canManage)
            ? JsonSerializer.Deserialize<PollResult>(p.Result, ClosePoll.Json) : null;
        return new PollDetail(p.Id, p.CongressId, p.Title, p.Kind, p.Status, p.Secret, p.Seats, p.Method is { } m ? Count.Name(m) : null,
            p.Majority?.ToString(), p.MajorityBase?.ToString(), p.BallotsCast, p.EntitledAtClose, p.PresentAtClose,
            p.Candidates.OrderBy(c => c.Position).Select(c => new CandidateRow(c.Position, c.Name, c.MemberId, c.Withdrawn)).ToList(),
            result, canManage, delegateRow is not null, voted, why, p.PaperOnly, p.PaperEnteredAt);
    }

    /// The counted ballots, once published, in receipt order (which is random): anyone entitled to see the poll can repeat the count.
    public static async Task<Result<List<PublishedBallot>>> BallotsAsync(CadreDbContext db, Actor actor, int pollId, CancellationToken ct)
    {
        var found = await PollAccess.ReadAsync(db, actor, pollId, ct);
        if (!found.IsSuccess) return found.Error;
        var poll = found.Value;
        if (poll.Status != PollStatus.Published) return new ResultNotPublished();
        var names = poll.Candidates.ToDictionary(c => c.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), c => c.Name);
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.PollId == pollId).OrderBy(b => b.Receipt).ToListAsync(ct);
        return ballots.Select(b => new PublishedBallot(Ballot.Display(b.Receipt), b.Marks, Choices(poll, b.Marks, names), b.Weight, b.DelegateId, b.Paper)).ToList();
    }

    /// Whether a receipt is among the counted ballots, and the marks it carries.
    public static async Task<Result<PublishedBallot>> ReceiptAsync(CadreDbContext db, Actor actor, int pollId, string? receipt, CancellationToken ct)
    {
        var ballots = await BallotsAsync(db, actor, pollId, ct);
        if (!ballots.IsSuccess) return ballots.Error;
        var code = Ballot.Normalize(receipt);
        return ballots.Value.FirstOrDefault(b => Ballot.Normalize(b.Receipt) == code) is { } found ? found : new ReceiptNotFound();
    }

    /// The published ballots in BLT, for any counter (ranked polls; every election exports its marks as rankings).
    public static async Task<Result<string>> BltAsync(CadreDbContext db, Actor actor, int pollId, CancellationToken ct)
    {
        var found = await PollAccess.ReadAsync(db, actor, pollId, ct);
        if (!found.IsSuccess) return found.Error;
        var poll = found.Value;
        if (poll.Status != PollStatus.Published) return new ResultNotPublished();
        if (poll.Kind != PollKind.Election) return new NotAnElection();
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.PollId == pollId).Select(b => new { b.Marks, b.Weight }).ToListAsync(ct);
        return BltWriter.Write(ClosePoll.BallotSetOf(poll, ballots.Select(b => (b.Marks, (long)b.Weight))));
    }

    private static List<string> Choices(Poll poll, string marks, Dictionary<string, string> names) => poll.Kind == PollKind.Question
        ? [marks switch { "Y" => "yes", "N" => "no", _ => "abstain" }]
        : marks.Length == 0 ? [] : marks.Split(' ')
            .Select(rank => rank == "-" ? "(rank left blank)" : string.Join(" = ", rank.Split('=').Select(p => names.GetValueOrDefault(p, p)))).ToList();
}
