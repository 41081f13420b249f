using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses.Polls;

internal static class PollAccess
{
    public static async Task<Result<Poll>> ReadAsync(CadreDbContext db, Actor actor, int pollId, CancellationToken ct, bool tracked = false)
    {
        var polls = db.Polls.Include(p => p.Candidates).AsQueryable();
        if (!tracked) polls = polls.AsNoTracking();
        var poll = await polls.SingleOrDefaultAsync(p => p.Id == pollId, ct);
        if (poll is null) return new PollNotFound();
        if (await actor.CanAsync(db, Permission.CongressesRead, poll.OrganizationId, ct)) return poll;
        // A delegate sees the polls of their congress.
        return await DelegateOfAsync(db, actor, poll.CongressId, ct) is not null ? poll : new PollNotFound();
    }

    public static async Task<Result<Poll>> ManageAsync(CadreDbContext db, Actor actor, int pollId, CancellationToken ct)
    {
        var poll = await db.Polls.Include(p => p.Candidates).SingleOrDefaultAsync(p => p.Id == pollId, ct);
        if (poll is null || !await actor.CanAsync(db, Permission.CongressesRead, poll.OrganizationId, ct)) return new PollNotFound();
        if (!await actor.CanAsync(db, Permission.CongressesManage, poll.OrganizationId, ct)) return new CongressNotPermitted();
        return poll;
    }

    /// Takes the poll's row lock (PostgreSQL) or the write lock (SQLite) with a no-op update, inside the caller's transaction,
    /// and reads the poll again: ballots in flight finish first, and a concurrent close or paper entry is seen.
    public static async Task LockAsync(CadreDbContext db, Poll poll, CancellationToken ct)
    {
        await db.Polls.Where(p => p.Id == poll.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.BallotsCast, p => p.BallotsCast), ct);
        await db.Entry(poll).ReloadAsync(ct);
    }

    /// The actor's own delegate row at a congress, through the member record of the person they are.
    public static async Task<CongressDelegate?> DelegateOfAsync(CadreDbContext db, Actor actor, int congressId, CancellationToken ct)
    {
        if (actor.PersonId is not { } person) return null;
        return await db.CongressDelegates.AsNoTracking()
            .Where(d => d.CongressId == congressId && db.Members.Any(m => m.Id == d.MemberId && m.PersonId == person))
            .FirstOrDefaultAsync(ct);
    }
}
