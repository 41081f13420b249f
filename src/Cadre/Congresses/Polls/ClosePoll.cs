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
        // A no-op update takes the row lock (PostgreSQL) or the write lock (SQLite): ballots in flight finish first.
        await db.Polls.Where(p => p.Id == pollId).ExecuteUpdateAsync(s => s.SetProperty(p => p.BallotsCast, p => p.BallotsCast), ct);
        var poll = found.Value;
        await db.Entry(poll).ReloadAsync(ct);
        if (poll.Status != PollStatus.Open) return new PollNotOpen();

        var ballots = await db.Ballots.AsNoTracking().Where(b => b.PollId == pollId).Select(b => new { b.Marks, b.Weight }).ToListAsync(ct);
        var holders = await db.CongressDelegates.AsNoTracking()
            .Where(d => d.CongressId == poll.CongressId && d.Mandate == MandateStatus.Confirmed && (!d.IsAlternate || d.ReplacesId != null))
            .Select(d => new { d.VoteWeight, d.Present }).ToListAsync(ct);
        var entitled = holders.Sum(h => h.VoteWeight);
        var present = Math.Max(holders.Where(h => h.Present).Sum(h => h.VoteWeight), ballots.Sum(b => b.Weight));
        var result = Compute(poll, ballots.Select(b => (b.Marks, (long)b.Weight)).ToList(), present, Math.Max(entitled, present));
        var closed = poll.Close(db.Now, entitled, present, JsonSerializer.Serialize(result, Json));
        if (!closed.IsSuccess) return closed.Error;
        var saved = await CongressAccess.SaveAsync(db, ct);
        if (!saved.IsSuccess) return saved.Error;
        await transaction.CommitAsync(ct);
        return result;
    }

    /// The count of a poll from its ballots' marks (the same function counts the published list, so anyone can repeat it).
    public static PollResult Compute(Poll poll, IReadOnlyList<(string Marks, long Weight)> ballots, long present, long entitled)
    {
        var votes = ballots.Sum(b => b.Weight);
        if (poll.Kind == PollKind.Question)
        {
            var tally = new PollTally(ballots.Where(b => b.Marks == "Y").Sum(b => b.Weight), ballots.Where(b => b.Marks == "N").Sum(b => b.Weight),
                ballots.Where(b => b.Marks == "A").Sum(b => b.Weight), 0, present, entitled);
            var decision = Majority.Decide(tally, new MajorityRule(poll.Majority!.Value, poll.MajorityBase ?? MajorityBase.ValidVotes));
            return decision.IsSuccess ? PollResult.Of(decision.Value, tally, ballots.Count)
                : new PollResult { Kind = PollKind.Question, Ballots = ballots.Count, Votes = votes, Error = decision.Error.Message };
        }
        var set = BallotSetOf(poll, ballots);
        var blank = ballots.Where(b => b.Marks.Length == 0).Sum(b => b.Weight);
        var count = Count.Run(set, poll.Method!.Value, new CountOptions { Seats = poll.Seats, Seed = poll.Seed });
        return count.IsSuccess ? PollResult.Of(count.Value, ballots.Count, votes, blank)
            : new PollResult
            {
                Kind = PollKind.Election, Method = Count.Name(poll.Method!.Value), Seats = poll.Seats, Ballots = ballots.Count, Votes = votes, Blank = blank,
                Candidates = poll.Candidates.OrderBy(c => c.Position).Select(c => c.Name).ToList(), Error = count.Error.Message,
            };
    }

    /// The ballots as a ballot set for the counting core and the BLT export; blank ballots are left out (they count for no one).
    public static BallotSet BallotSetOf(Poll poll, IEnumerable<(string Marks, long Weight)> ballots)
    {
        var candidates = poll.Candidates.OrderBy(c => c.Position).Select(c => new Candidate(c.Name, null, c.Withdrawn)).ToList();
        var builder = new BallotSetBuilder(poll.Title, poll.Seats, candidates);
        foreach (var (marks, weight) in ballots)
        {
            if (marks.Length == 0) continue;
            var ranking = marks.Split(' ').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) - 1).ToArray();
            builder.AddStrict(weight, ranking);
        }
        return builder.Build();
    }
}
