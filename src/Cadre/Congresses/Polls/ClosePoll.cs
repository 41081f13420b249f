using System.Text.Json;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Elections.Counting;
using Cadre.Elections.Majorities;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses.Polls;

/// Closes the poll and counts its ballots by its method. The poll's row is locked first, so every ballot committed before
/// the close is counted and every later one is refused (CastBallot raises the counter only while the poll is open).
public static class ClosePoll
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Result<PollResult>> HandleAsync(CadreDbContext db, Actor actor, int pollId, CancellationToken ct)
    {
        var found = await PollAccess.ManageAsync(db, actor, pollId, ct);
        if (!found.IsSuccess) return found.Error;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var poll = found.Value;
        await PollAccess.LockAsync(db, poll, ct);
        if (poll.Status != PollStatus.Open) return new PollNotOpen();

        var result = await CountAndCloseAsync(db, poll, ct);
        if (!result.IsSuccess) return result.Error;
        var saved = await CongressAccess.SaveAsync(db, ct);
        if (!saved.IsSuccess) return saved.Error;
        await transaction.CommitAsync(ct);
        return result;
    }

    /// Counts an open poll and closes it; the delegates holding a seat, and those present, are read now.
    internal static async Task<Result<PollResult>> CountAndCloseAsync(CadreDbContext db, Poll poll, CancellationToken ct)
    {
        var ballots = await BallotsOfAsync(db, poll.Id, ct);
        var holders = await db.CongressDelegates.AsNoTracking()
            .Where(d => d.CongressId == poll.CongressId && d.Mandate == MandateStatus.Confirmed && (!d.IsAlternate || d.ReplacesId != null))
            .Select(d => new { d.VoteWeight, d.Present }).ToListAsync(ct);
        var entitled = holders.Sum(h => h.VoteWeight);
        var present = (int)Math.Max(holders.Where(h => h.Present).Sum(h => h.VoteWeight), ballots.Sum(b => b.Weight) + PaperTotalsOf(poll));
        var result = Compute(poll, ballots, present, Math.Max(entitled, present));
        var closed = poll.Close(db.Now, entitled, present, JsonSerializer.Serialize(result, Json));
        return closed.IsSuccess ? result : closed.Error;
    }

    /// Counts a closed poll again once its paper is in, against the presence recorded at its close (raised to the votes
    /// where a paper-only poll had no one checked in).
    internal static async Task<Result<PollResult>> RecountAsync(CadreDbContext db, Poll poll, CancellationToken ct)
    {
        var ballots = await BallotsOfAsync(db, poll.Id, ct);
        var present = Math.Max(poll.PresentAtClose ?? 0, ballots.Sum(b => b.Weight) + PaperTotalsOf(poll));
        var result = Compute(poll, ballots, present, Math.Max(poll.EntitledAtClose ?? 0, present));
        var recounted = poll.Recount(JsonSerializer.Serialize(result, Json));
        return recounted.IsSuccess ? result : recounted.Error;
    }

    internal static async Task<List<(string Marks, long Weight)>> BallotsOfAsync(CadreDbContext db, int pollId, CancellationToken ct) =>
        (await db.Ballots.AsNoTracking().Where(b => b.PollId == pollId).Select(b => new { b.Marks, b.Weight }).ToListAsync(ct))
            .Select(b => (b.Marks, (long)b.Weight)).ToList();

    /// A question's paper totals, spoilt papers included: each was handed in by someone present.
    private static long PaperTotalsOf(Poll poll) => (poll.PaperYes ?? 0) + (poll.PaperNo ?? 0) + (poll.PaperAbstain ?? 0) + (poll.PaperInvalid ?? 0);

    /// The count of a poll from its ballots' marks (the same function counts the published list, so anyone can repeat it).
    public static PollResult Compute(Poll poll, IReadOnlyList<(string Marks, long Weight)> ballots, long present, long entitled)
    {
        var votes = ballots.Sum(b => b.Weight);
        if (poll.Kind == PollKind.Question)
        {
            // Paper totals are added to the electronic votes; the majority is decided on the sum (decision 0028).
            var tally = new PollTally(ballots.Where(b => b.Marks == "Y").Sum(b => b.Weight) + (poll.PaperYes ?? 0),
                ballots.Where(b => b.Marks == "N").Sum(b => b.Weight) + (poll.PaperNo ?? 0),
                ballots.Where(b => b.Marks == "A").Sum(b => b.Weight) + (poll.PaperAbstain ?? 0), poll.PaperInvalid ?? 0, present, entitled);
            var decision = Majority.Decide(tally, new MajorityRule(poll.Majority!.Value, poll.MajorityBase ?? MajorityBase.ValidVotes));
            return (decision.IsSuccess ? PollResult.Of(decision.Value, tally, ballots.Count)
                : new PollResult { Kind = PollKind.Question, Ballots = ballots.Count, Votes = votes, Error = decision.Error.Message }) with { Paper = PaperCount.Of(poll) };
        }
        var set = BallotSetOf(poll, ballots);
        var blank = ballots.Where(b => b.Marks.Length == 0).Sum(b => b.Weight);
        var count = Count.Run(set, poll.Method!.Value, new CountOptions { Seats = poll.Seats, Seed = poll.Seed });
        return (count.IsSuccess ? PollResult.Of(count.Value, ballots.Count, votes, blank)
            : new PollResult
            {
                Kind = PollKind.Election, Method = Count.Name(poll.Method!.Value), Seats = poll.Seats, Ballots = ballots.Count, Votes = votes, Blank = blank,
                Candidates = poll.Candidates.OrderBy(c => c.Position).Select(c => c.Name).ToList(), Error = count.Error.Message,
            }) with { Paper = PaperCount.Of(poll) };
    }

    /// The ballots as a ballot set for the counting core and the BLT export; blank ballots are left out (they count for no one).
    /// Marks are candidate positions in order; a paper ballot may also hold equal ranks (2=5) and skipped ones (-).
    public static BallotSet BallotSetOf(Poll poll, IEnumerable<(string Marks, long Weight)> ballots)
    {
        var candidates = poll.Candidates.OrderBy(c => c.Position).Select(c => new Candidate(c.Name, null, c.Withdrawn)).ToList();
        var builder = new BallotSetBuilder(poll.Title, poll.Seats, candidates);
        var encoded = new List<int>();
        foreach (var (marks, weight) in ballots)
        {
            if (marks.Length == 0) continue;
            encoded.Clear();
            foreach (var rank in marks.Split(' '))
            {
                if (rank == "-")
                {
                    encoded.Add(BallotSet.Skip);
                    continue;
                }
                var first = true;
                foreach (var position in rank.Split('='))
                {
                    var c = int.Parse(position, System.Globalization.CultureInfo.InvariantCulture) - 1;
                    encoded.Add(first ? c : c | BallotSet.EqualToPrevious);
                    first = false;
                }
            }
            builder.Add(weight, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(encoded));
        }
        return builder.Build();
    }

    /// A ranking of the counting core in the stored form, the candidates given as poll positions.
    internal static string MarksOf(Elections.Counting.Ballot ballot, IReadOnlyList<int> positions) =>
        string.Join(' ', ballot.Ranking.Select(group => group.Count == 0 ? "-" : string.Join('=', group.Select(c => positions[c]))));
}
