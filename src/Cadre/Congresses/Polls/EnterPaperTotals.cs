using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses.Polls;

/// The tellers enter the paper count of a question: yes, no, abstaining and spoilt papers. Added to the electronic votes
/// of a closed poll, or standing alone in a paper-only poll (which the entry closes if it is still open); the majority is
/// decided on the sum and the result counted again. Once only, never after publication (decision 0028). Audited with the poll.
public static class EnterPaperTotals
{
    public sealed record Request
    {
        public long Yes { get; init; }

        public long No { get; init; }

        public long Abstain { get; init; }

        /// Spoilt papers: recorded, never a valid vote.
        public long Invalid { get; init; }
    }

    public static async Task<Result<PollResult>> HandleAsync(CadreDbContext db, Actor actor, int pollId, Request request, CancellationToken ct)
    {
        var found = await PollAccess.ManageAsync(db, actor, pollId, ct);
        if (!found.IsSuccess) return found.Error;
        var poll = found.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await PollAccess.LockAsync(db, poll, ct);
        var electronic = await db.Ballots.Where(b => b.PollId == pollId).SumAsync(b => (long)b.Weight, ct);
        var entered = poll.EnterPaperTotals(request.Yes, request.No, request.Abstain, request.Invalid, electronic, db.Now);
        if (!entered.IsSuccess) return entered.Error;
        var result = poll.Status == PollStatus.Open ? await ClosePoll.CountAndCloseAsync(db, poll, ct) : await ClosePoll.RecountAsync(db, poll, ct);
        if (!result.IsSuccess) return result.Error;
        var saved = await CongressAccess.SaveAsync(db, ct);
        if (!saved.IsSuccess) return saved.Error;
        await transaction.CommitAsync(ct);
        return result;
    }
}
