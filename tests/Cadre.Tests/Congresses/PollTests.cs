using Cadre.Audit;
using Cadre.Congresses;
using Cadre.Congresses.Polls;
using Cadre.Data;
using Cadre.Elections.Counting;
using Cadre.Elections.Majorities;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cadre.Tests.Congresses.CongressArrange;

namespace Cadre.Tests.Congresses;

public sealed class PollTests
{
    private static readonly string[] Answers = ["yes", "yes", "no", "abstain"];

    private static Task<Cadre.Common.Result<PollResult>> CloseAsync(CongressSetup s, int poll) =>
        s.Database.RunAsync((db, a) => ClosePoll.HandleAsync(db, a, poll, TestDatabase.Ct), s.Secretary);

    private static Task<Cadre.Common.Result<Cadre.Common.Done>> OpenAsync(CongressSetup s, int poll) =>
        s.Database.RunAsync((db, a) => OpenPoll.HandleAsync(db, a, poll, TestDatabase.Ct), s.Secretary);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_committee_is_elected_by_secret_ballot_counted_by_Scottish_STV_and_each_voter_finds_their_receipt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);
        var poll = await s.ElectionAsync(CountMethod.ScottishStv, 2, "Ana", "Ben", "Cai");
        (await OpenAsync(s, poll)).Ok();

        var rankings = new[] { new[] { 1, 2 }, [1, 3], [1], [2, 3], [3, 2] };
        var receipts = new List<string>();
        for (var i = 0; i < 5; i++) receipts.Add((await s.VoteAsync(poll, s.Delegates[i], rankings[i])).Ok().Receipt);

        var live = (await database.RunAsync((db, a) => PollQueries.GetAsync(db, a, poll, TestDatabase.Ct), s.Secretary)).Ok();
        Assert.Equal(5, live.BallotsCast);
        var result = (await CloseAsync(s, poll)).Ok();
        Assert.Null(result.Error);
        Assert.Equal("2.00000", result.Quota);
        Assert.Equal("Ana", result.Elected[0]);
        Assert.Equal(2, result.Elected.Count);
        Assert.NotEmpty(result.Stages);

        // Not published yet: the delegates see neither the ballots nor the result.
        (await database.RunAsync((db, a) => PollQueries.BallotsAsync(db, a, poll, TestDatabase.Ct), s.Delegates[0].Actor))
            .Fails<ResultNotPublished, List<PublishedBallot>>();
        Assert.Null((await database.RunAsync((db, a) => PollQueries.GetAsync(db, a, poll, TestDatabase.Ct), s.Delegates[0].Actor)).Ok().Result);
        (await database.RunAsync((db, a) => PublishResult.HandleAsync(db, a, poll, TestDatabase.Ct), s.Secretary)).Ok();

        var published = (await database.RunAsync((db, a) => PollQueries.BallotsAsync(db, a, poll, TestDatabase.Ct), s.Delegates[0].Actor)).Ok();
        Assert.Equal(5, published.Count);
        Assert.All(published, b => Assert.Null(b.DelegateId));
        for (var i = 0; i < 5; i++)
        {
            var mine = (await database.RunAsync((db, a) => PollQueries.ReceiptAsync(db, a, poll, receipts[i].ToLowerInvariant(), TestDatabase.Ct),
                s.Delegates[i].Actor)).Ok();
            Assert.Equal(string.Join(' ', rankings[i]), mine.Marks);
        }
        (await database.RunAsync((db, a) => PollQueries.ReceiptAsync(db, a, poll, "AAAA-AAAA-AAAA-AAAA", TestDatabase.Ct), s.Delegates[0].Actor))
            .Fails<ReceiptNotFound, PublishedBallot>();

        // Anyone can repeat the count from the published BLT and the published seed of the lot (Ben and Cai tie for the second seat).
        var blt = (await database.RunAsync((db, a) => PollQueries.BltAsync(db, a, poll, TestDatabase.Ct), s.Delegates[1].Actor)).Ok();
        var recount = Count.Run(BltReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(blt))).Ok(), CountMethod.ScottishStv, new CountOptions { Seed = result.Seed }).Ok();
        Assert.Equal(result.Elected, recount.ElectedNames);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_secret_ballot_carries_nothing_that_links_it_to_its_voter_and_casting_is_not_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);
        var poll = await s.ElectionAsync(CountMethod.Plurality, 1, "Ana", "Ben");
        (await OpenAsync(s, poll)).Ok();
        await using (var before = database.Context())
        {
            var audited = await before.AuditEntries.CountAsync(TestDatabase.Ct);
            (await s.VoteAsync(poll, s.Delegates[0], 1)).Ok();
            (await s.VoteAsync(poll, s.Delegates[1], 2)).Ok();
            await using var after = database.Context();
            Assert.Equal(audited, await after.AuditEntries.CountAsync(TestDatabase.Ct));
        }

        // The ballot's columns: receipt, poll, marks, weight, whether it came from paper, and a delegate column that stays empty in a secret poll. No time, no sequence.
        await using var db = database.Context();
        var columns = db.Model.FindEntityType(typeof(Cadre.Congresses.Polls.Ballot))!.GetProperties().Select(p => p.Name).Order().ToList();
        Assert.Equal(["DelegateId", "Marks", "Paper", "PollId", "Receipt", "Weight"], columns);
        Assert.Equal(["DelegateId", "PollId"], db.Model.FindEntityType(typeof(PollVoter))!.GetProperties().Select(p => p.Name).Order());
        Assert.All(await db.Ballots.ToListAsync(TestDatabase.Ct), b => Assert.Null(b.DelegateId));
        Assert.Equal(2, await db.PollVoters.CountAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_second_ballot_a_ballot_after_the_close_and_a_ballot_by_someone_not_entitled_are_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database, checkedIn: 4);
        var poll = await s.ElectionAsync(CountMethod.ScottishStv, 1, "Ana", "Ben");
        (await s.VoteAsync(poll, s.Delegates[0], 1)).Fails<PollNotOpen, CastBallot.Cast>();
        (await OpenAsync(s, poll)).Ok();

        (await s.VoteAsync(poll, s.Delegates[0], 1)).Ok();
        (await s.VoteAsync(poll, s.Delegates[0], 2)).Fails<AlreadyVoted, CastBallot.Cast>();
        (await s.VoteAsync(poll, s.Delegates[4], 2)).Fails<NotEntitledToVote, CastBallot.Cast>(); // not checked in
        var stranger = await database.RegisterMemberAsync(s.Tree.NorthBranch, "Sam", "Stranger");
        (await s.VoteAsync(poll, new Voter(0, stranger.MemberId, stranger.Number, VoterActor(stranger.PersonId, s.Tree.NorthBranch)), 1))
            .Fails<PollNotFound, CastBallot.Cast>();
        (await s.VoteAsync(poll, s.Delegates[1], 3)).Fails<BallotCandidateNotFound, CastBallot.Cast>();
        (await s.VoteAsync(poll, s.Delegates[1], 1, 1)).Fails<BallotRepeatsCandidate, CastBallot.Cast>();
        (await s.VoteAsync(poll, s.Delegates[1], 2, 1)).Ok();

        (await CloseAsync(s, poll)).Ok();
        (await s.VoteAsync(poll, s.Delegates[2], 1)).Fails<PollNotOpen, CastBallot.Cast>();
        (await CloseAsync(s, poll)).Fails<PollNotOpen, PollResult>();
        await using var db = database.Context();
        Assert.Equal(2, await db.Ballots.CountAsync(TestDatabase.Ct));
        Assert.Equal(2, await db.Polls.Where(p => p.Id == poll).Select(p => p.BallotsCast).SingleAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Concurrent_ballots_of_one_delegate_count_once_and_of_many_count_each_exactly_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);
        var poll = await s.ElectionAsync(CountMethod.Plurality, 1, "Ana", "Ben");
        (await OpenAsync(s, poll)).Ok();

        var same = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => s.VoteAsync(poll, s.Delegates[0], 1), TestDatabase.Ct)));
        Assert.Single(same, r => r.IsSuccess);
        Assert.All(same.Where(r => !r.IsSuccess), r => Assert.IsType<AlreadyVoted>(r.Error));
        var many = await Task.WhenAll(s.Delegates.Skip(1).Select(d => Task.Run(() => s.VoteAsync(poll, d, 2), TestDatabase.Ct)));
        Assert.All(many, r => Assert.True(r.IsSuccess, r.Error?.Message));

        var result = (await CloseAsync(s, poll)).Ok();
        Assert.Equal(5, result.Ballots);
        Assert.Equal(["Ben"], result.Elected);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_question_is_decided_by_its_majority_of_those_present(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);
        var poll = (await database.RunAsync((db, a) => CreatePoll.HandleAsync(db, a, s.Congress, new CreatePoll.Request
        {
            Title = "Adopt the report", Kind = PollKind.Question, Majority = MajorityKind.Absolute, MajorityBase = MajorityBase.Present, Secret = false,
        }, TestDatabase.Ct), s.Secretary)).Ok();
        (await OpenAsync(s, poll)).Ok();
        foreach (var (d, answer) in s.Delegates.Zip(Answers))
            (await database.RunAsync((db, a) => CastBallot.HandleAsync(db, a, poll, new CastBallot.Request { Answer = answer }, TestDatabase.Ct), d.Actor)).Ok();
        (await database.RunAsync((db, a) => CastBallot.HandleAsync(db, a, poll, new CastBallot.Request { Answer = "maybe" }, TestDatabase.Ct), s.Delegates[4].Actor))
            .Fails<Cadre.Common.InvalidField, CastBallot.Cast>();

        var result = (await CloseAsync(s, poll)).Ok();

        // 2 yes of 5 present is not more than half.
        Assert.Equal((2L, 1L, 1L, false), (result.Yes!.Value, result.No!.Value, result.Abstain!.Value, result.Carried!.Value));
        await using var db = database.Context();
        // A named poll: each ballot names its delegate.
        Assert.All(await db.Ballots.ToListAsync(TestDatabase.Ct), b => Assert.NotNull(b.DelegateId));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Bad_polls_and_nominations_are_refused_by_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);
        var failed = (await database.RunAsync((db, a) => CreatePoll.HandleAsync(db, a, s.Congress, new CreatePoll.Request
        {
            Title = "", Kind = PollKind.Election, Method = CountMethod.InstantRunoff, Seats = 2,
        }, TestDatabase.Ct), s.Secretary)).Fails<Cadre.Common.ValidationFailed, int>();
        Assert.Equal(["Title", "Seats"], failed.Errors.Select(e => e.FieldName));
        var poll = await s.ElectionAsync(CountMethod.Meek, 2, "Ana");
        (await database.RunAsync((db, a) => NominateCandidate.HandleAsync(db, a, poll, new NominateCandidate.Request("ana"), TestDatabase.Ct), s.Secretary))
            .Fails<AlreadyNominated, int>();
        (await OpenAsync(s, poll)).Fails<TooFewCandidates, Cadre.Common.Done>();
        (await database.RunAsync((db, a) => NominateCandidate.HandleAsync(db, a, poll, new NominateCandidate.Request(null, s.Delegates[1].Number), TestDatabase.Ct),
            s.Secretary)).Ok();
        (await OpenAsync(s, poll)).Ok();
        (await database.RunAsync((db, a) => NominateCandidate.HandleAsync(db, a, poll, new NominateCandidate.Request("Late"), TestDatabase.Ct), s.Secretary))
            .Fails<NominationsClosed, int>();
        (await database.RunAsync((db, a) => OpenPoll.HandleAsync(db, a, poll, TestDatabase.Ct), s.Delegates[0].Actor)).Fails<PollNotFound, Cadre.Common.Done>();
        (await database.RunAsync((db, a) => PublishResult.HandleAsync(db, a, poll, TestDatabase.Ct), s.Secretary)).Fails<PollNotClosed, Cadre.Common.Done>();
        await using var db = database.Context();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(PollCandidate), TestDatabase.Ct));
    }
}
