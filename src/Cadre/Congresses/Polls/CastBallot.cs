using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses.Polls;

/// A delegate casts their ballot. In one transaction: the poll's counter is raised only while it is open (the row lock
/// orders the ballot against the close), the voter is recorded under a key that refuses a second ballot, and the ballot
/// is stored under a fresh random receipt with no voter, no time and no sequence (decision 0025). Nothing of it is audited.
public static class CastBallot
{
    public sealed record Request
    {
        /// An election: the candidates' numbers in order of preference (the marked ones, for plurality, block and approval).
        public IReadOnlyList<int>? Ranking { get; init; }

        /// A question: yes, no or abstain.
        public string? Answer { get; init; }
    }

    /// The receipt is shown once, to the voter, who can find it in the published list of counted ballots.
    public sealed record Cast(string Receipt);

    public static async Task<Result<Cast>> HandleAsync(CadreDbContext db, Actor actor, int pollId, Request request, CancellationToken ct)
    {
        if (!actor.Has(Permission.CongressVote)) return new NotEntitledToVote("you may not vote.");
        var poll = await db.Polls.AsNoTracking().Include(p => p.Candidates).SingleOrDefaultAsync(p => p.Id == pollId, ct);
        if (poll is null) return new PollNotFound();
        var delegateRow = await PollAccess.DelegateOfAsync(db, actor, poll.CongressId, ct);
        if (delegateRow is null)
            return await actor.CanAsync(db, Permission.CongressesRead, poll.OrganizationId, ct)
                ? new NotEntitledToVote("you are not a delegate of this congress.") : new PollNotFound();
        if (poll.PaperOnly) return new PaperOnlyPoll();
        if (poll.Status != PollStatus.Open) return new PollNotOpen();
        if (!delegateRow.HoldsSeat)
            return new NotEntitledToVote(delegateRow.Mandate != MandateStatus.Confirmed ? "your mandate is not confirmed." : "you are an alternate without a seat.");
        if (!delegateRow.Present) return new NotEntitledToVote("you are not checked in.");
        var marks = poll.Mark(request.Ranking, request.Answer);
        if (!marks.IsSuccess) return marks.Error;
        if (await db.PollVoters.AnyAsync(v => v.PollId == pollId && v.DelegateId == delegateRow.Id, ct)) return new AlreadyVoted();

        var ballot = new Ballot(pollId, marks.Value, delegateRow.VoteWeight, poll.Secret ? null : delegateRow.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var raised = await db.Polls.Where(p => p.Id == pollId && p.Status == PollStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.BallotsCast, p => p.BallotsCast + 1), ct);
        if (raised == 0) return new PollNotOpen();
        db.PollVoters.Add(new PollVoter(pollId, delegateRow.Id));
        db.Ballots.Add(ballot);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The voter's key was taken by a concurrent request of the same delegate: that ballot stands, this one is refused.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new AlreadyVoted();
        }
        await transaction.CommitAsync(ct);
        return new Cast(Ballot.Display(ballot.Receipt));
    }
}
