using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Elections.Counting;
using Cadre.Elections.Majorities;

namespace Cadre.Congresses.Polls;

/// The presidium sets up a vote of the congress: a question (yes/no/abstain by a majority) or an election (N seats by a counting method).
public static class CreatePoll
{
    public sealed record Request
    {
        public string Title { get; init; } = "";

        public PollKind Kind { get; init; } = PollKind.Election;

        public CountMethod? Method { get; init; }

        public MajorityKind? Majority { get; init; }

        public MajorityBase? MajorityBase { get; init; }

        public int Seats { get; init; } = 1;

        public bool Secret { get; init; } = true;

        /// Voted on paper only: the tellers enter the totals or import the ranked ballots (decisions 0028, 0029).
        public bool PaperOnly { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int congressId, Request request, CancellationToken ct)
    {
        var congress = await CongressAccess.ManageAsync(db, actor, congressId, ct);
        if (!congress.IsSuccess) return congress.Error;
        var poll = Poll.Create(congressId, congress.Value.OrganizationId, request.Title, request.Kind, request.Method, request.Majority, request.MajorityBase,
            request.Seats, request.Secret, request.PaperOnly);
        if (!poll.IsSuccess) return poll.Error;
        db.Polls.Add(poll.Value);
        await db.SaveChangesAsync(ct);
        return poll.Value.Id;
    }
}

/// A candidate is nominated (a delegate or member by number, or anyone by name) until the poll opens; or withdraws.
public static class NominateCandidate
{
    public sealed record Request(string? Name, string? MemberNumber = null);

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int pollId, Request request, CancellationToken ct)
    {
        var poll = await PollAccess.ManageAsync(db, actor, pollId, ct);
        if (!poll.IsSuccess) return poll.Error;
        int? memberId = null;
        var name = request.Name;
        if (!string.IsNullOrWhiteSpace(request.MemberNumber))
        {
            var number = request.MemberNumber.Trim();
            var member = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
                db.Members.Where(m => m.Number == number).Select(m => new { m.Id, m.Person.GivenName, m.Person.FamilyName }), ct);
            if (member is null) return new InvalidField("MemberNumber", "There is no member with that number.");
            memberId = member.Id;
            if (string.IsNullOrWhiteSpace(name)) name = $"{member.GivenName} {member.FamilyName}";
        }
        var candidate = poll.Value.Nominate(name, memberId);
        if (!candidate.IsSuccess) return candidate.Error;
        var saved = await CongressAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? candidate.Value.Position : saved.Error;
    }

    public static async Task<Result<Done>> WithdrawAsync(CadreDbContext db, Actor actor, int pollId, int position, CancellationToken ct)
    {
        var poll = await PollAccess.ManageAsync(db, actor, pollId, ct);
        if (!poll.IsSuccess) return poll.Error;
        var done = poll.Value.Withdraw(position);
        return done.IsSuccess ? await CongressAccess.SaveAsync(db, ct) : done.Error;
    }
}

/// Opens the poll: nominations close and delegates holding a seat and present may vote.
public static class OpenPoll
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int pollId, CancellationToken ct)
    {
        var poll = await PollAccess.ManageAsync(db, actor, pollId, ct);
        if (!poll.IsSuccess) return poll.Error;
        var done = poll.Value.Open(db.Now);
        return done.IsSuccess ? await CongressAccess.SaveAsync(db, ct) : done.Error;
    }
}

/// Makes a closed poll's result and its list of counted ballots visible to the delegates.
public static class PublishResult
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int pollId, CancellationToken ct)
    {
        var poll = await PollAccess.ManageAsync(db, actor, pollId, ct);
        if (!poll.IsSuccess) return poll.Error;
        var done = poll.Value.Publish();
        return done.IsSuccess ? await CongressAccess.SaveAsync(db, ct) : done.Error;
    }
}
