using Cadre.Accounts;
using Cadre.Congresses;
using Cadre.Congresses.Apportionment;
using Cadre.Congresses.Polls;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Congresses;

/// A congress of the centre with delegates from the two regions, checked and present; one delegate per seat, each able to vote.
public sealed record CongressSetup(TestDatabase Database, Tree Tree, Actor Secretary, int Congress, IReadOnlyList<Voter> Delegates);

public sealed record Voter(int DelegateId, int MemberId, string Number, Actor Actor);

public static class CongressArrange
{
    public static readonly DateOnly CutOff = new(2025, 1, 31);

    public static async Task<int> ConveneAsync(this TestDatabase database, Actor actor, int organizationId, int seats,
        ApportionmentMethod method = ApportionmentMethod.DHondt, int minimum = 1, bool countCandidates = false, int number = 5) =>
        (await database.RunAsync((db, a) => ConveneCongress.HandleAsync(db, a, new ConveneCongress.Request
        {
            OrganizationId = organizationId, Number = number, OpensOn = new DateOnly(2025, 3, 14), ClosesOn = new DateOnly(2025, 3, 16), Place = "Union hall",
            Agenda = "1. Report\n2. Elections", CutOffOn = CutOff, DelegateSeats = seats, Method = method, MinimumSeats = minimum,
            CountCandidates = countCandidates,
        }, TestDatabase.Ct), actor)).Ok();

    public static async Task RegisterManyAsync(this TestDatabase database, int organizationId, int count, string family)
    {
        for (var i = 0; i < count; i++) await database.RegisterMemberAsync(organizationId, $"M{i}", family);
    }

    public static Actor VoterActor(int personId, int organizationId) => new($"user-{Guid.NewGuid():N}", $"voter-{personId}", [(Role.Member, organizationId)], personId);

    /// The centre's congress: north has 3 members, south 2; 5 seats by D'Hondt; every member a delegate, mandates checked, all checked in.
    public static async Task<CongressSetup> FullCongressAsync(TestDatabase database, int checkedIn = 5)
    {
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.Centre);
        var members = new List<(Cadre.Members.RegisterMember.Registered R, int Org)>();
        foreach (var (org, name) in new[] { (tree.NorthBranch, "Adler"), (tree.NorthBranch2, "Bauer"), (tree.NorthBranch3, "Cohen"), (tree.SouthBranch, "Dahl"), (tree.SouthBranch, "Engel") })
            members.Add(((await database.RegisterMemberAsync(org, "Ada", name)), org == tree.SouthBranch ? tree.South : tree.North));
        var congress = await database.ConveneAsync(secretary, tree.Centre, 5);
        (await database.RunAsync((db, a) => ApportionDelegates.HandleAsync(db, a, congress, TestDatabase.Ct), secretary)).Ok();
        var voters = new List<Voter>();
        foreach (var (r, org) in members)
        {
            var id = (await database.RunAsync((db, a) => ElectDelegate.HandleAsync(db, a, congress, new ElectDelegate.Request
            {
                OrganizationId = org, MemberNumber = r.Number, ElectedAt = "Regional conference, minutes 1/2025", ElectedOn = new DateOnly(2025, 2, 20),
            }, TestDatabase.Ct), secretary)).Ok();
            voters.Add(new Voter(id, r.MemberId, r.Number, VoterActor(r.PersonId, org)));
        }
        (await database.RunAsync((db, a) => CheckMandates.HandleAsync(db, a, congress, TestDatabase.Ct), secretary)).Ok();
        foreach (var v in voters.Take(checkedIn))
            (await database.RunAsync((db, a) => CheckInDelegate.HandleAsync(db, a, congress, v.DelegateId, CheckInDelegate.Action.CheckIn, TestDatabase.Ct), secretary)).Ok();
        return new CongressSetup(database, tree, secretary, congress, voters);
    }

    public static async Task<int> ElectionAsync(this CongressSetup s, Cadre.Elections.Counting.CountMethod method, int seats, params string[] candidates)
    {
        var poll = (await s.Database.RunAsync((db, a) => CreatePoll.HandleAsync(db, a, s.Congress, new CreatePoll.Request
        {
            Title = "Central committee", Kind = PollKind.Election, Method = method, Seats = seats,
        }, TestDatabase.Ct), s.Secretary)).Ok();
        foreach (var c in candidates)
            (await s.Database.RunAsync((db, a) => NominateCandidate.HandleAsync(db, a, poll, new NominateCandidate.Request(c), TestDatabase.Ct), s.Secretary)).Ok();
        return poll;
    }

    public static Task<Cadre.Common.Result<CastBallot.Cast>> VoteAsync(this CongressSetup s, int poll, Voter voter, params int[] ranking) =>
        s.Database.RunAsync((db, a) => CastBallot.HandleAsync(db, a, poll, new CastBallot.Request { Ranking = ranking }, TestDatabase.Ct), voter.Actor);

    public static async Task<List<string>> ReceiptsAsync(this TestDatabase database, int poll)
    {
        await using var db = database.Context();
        return await db.Ballots.Where(b => b.PollId == poll).Select(b => b.Receipt).ToListAsync(TestDatabase.Ct);
    }
}
