using System.Text.Json;
using Cadre.Common;
using Cadre.Congresses.Polls;
using Cadre.Data;
using Cadre.Elections.Counting;
using Cadre.Elections.Majorities;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cadre.Tests.Congresses.CongressArrange;

namespace Cadre.Tests.Congresses;

/// The analog mode (decisions 0028, 0029): paper totals of questions and ranked paper ballots of elections, alone or
/// added to the electronic votes.
public sealed class PaperPollTests
{
    // The Linn candidates in another order than the file's, so the import must match them by name.
    private static readonly string[] LinnCandidates =
    [
        "Frank Young", "Esme H Clark", "Margot Clark", "Sadie Docherty", "Chris Lang", "Harry McArthur", "John McKenzie", "David Ritchie", "Alan Stewart",
        "Chloe Helen Stewart", "Gordon Thomson",
    ];

    private static readonly string[] YesYesNo = ["yes", "yes", "no"];

    private static Task<Result<Done>> OpenAsync(CongressSetup s, int poll) =>
        s.Database.RunAsync((db, a) => OpenPoll.HandleAsync(db, a, poll, TestDatabase.Ct), s.Secretary);

    private static Task<Result<PollResult>> CloseAsync(CongressSetup s, int poll) =>
        s.Database.RunAsync((db, a) => ClosePoll.HandleAsync(db, a, poll, TestDatabase.Ct), s.Secretary);

    private static Task<Result<Done>> PublishAsync(CongressSetup s, int poll) =>
        s.Database.RunAsync((db, a) => PublishResult.HandleAsync(db, a, poll, TestDatabase.Ct), s.Secretary);

    private static Task<Result<ImportPaperBallots.Imported>> ImportAsync(CongressSetup s, int poll, string blt) =>
        s.Database.RunAsync((db, a) => ImportPaperBallots.HandleAsync(db, a, poll, blt, TestDatabase.Ct), s.Secretary);

    private static Task<Result<PollResult>> TotalsAsync(CongressSetup s, int poll, long yes, long no, long abstain = 0, long invalid = 0) =>
        s.Database.RunAsync((db, a) => EnterPaperTotals.HandleAsync(db, a, poll, new EnterPaperTotals.Request
        {
            Yes = yes, No = no, Abstain = abstain, Invalid = invalid,
        }, TestDatabase.Ct), s.Secretary);

    private static async Task<int> QuestionAsync(CongressSetup s, bool paperOnly = false, MajorityKind majority = MajorityKind.Absolute) =>
        (await s.Database.RunAsync((db, a) => CreatePoll.HandleAsync(db, a, s.Congress, new CreatePoll.Request
        {
            Title = "Adopt the report", Kind = PollKind.Question, Majority = majority, MajorityBase = MajorityBase.ValidVotes, PaperOnly = paperOnly,
        }, TestDatabase.Ct), s.Secretary)).Ok();

    private static async Task<int> PaperElectionAsync(CongressSetup s, int seats, params string[] candidates)
    {
        var poll = (await s.Database.RunAsync((db, a) => CreatePoll.HandleAsync(db, a, s.Congress, new CreatePoll.Request
        {
            Title = "Linn", Kind = PollKind.Election, Method = CountMethod.ScottishStv, Seats = seats, PaperOnly = true,
        }, TestDatabase.Ct), s.Secretary)).Ok();
        foreach (var c in candidates)
            (await s.Database.RunAsync((db, a) => NominateCandidate.HandleAsync(db, a, poll, new NominateCandidate.Request(c), TestDatabase.Ct), s.Secretary)).Ok();
        return poll;
    }

    private static async Task AnswerAsync(CongressSetup s, int poll, params string[] answers)
    {
        foreach (var (d, answer) in s.Delegates.Zip(answers))
            (await s.Database.RunAsync((db, a) => CastBallot.HandleAsync(db, a, poll, new CastBallot.Request { Answer = answer }, TestDatabase.Ct), d.Actor)).Ok();
    }

    private static async Task<(int Ballots, string? Result, DateTime? PaperAt, int Audited)> StateAsync(TestDatabase database, int poll)
    {
        await using var db = database.Context();
        var row = await db.Polls.AsNoTracking().SingleAsync(p => p.Id == poll, TestDatabase.Ct);
        return (await db.Ballots.CountAsync(b => b.PollId == poll, TestDatabase.Ct), row.Result, row.PaperEnteredAt,
            await db.AuditEntries.CountAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_Linn_ballots_imported_into_a_paper_only_poll_elect_the_official_four_with_the_official_first_stage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);
        var poll = await PaperElectionAsync(s, 4, LinnCandidates);
        (await OpenAsync(s, poll)).Ok();
        // A paper-only poll takes no electronic ballot.
        (await s.VoteAsync(poll, s.Delegates[0], 1)).Fails<PaperOnlyPoll, CastBallot.Cast>();

        var imported = (await ImportAsync(s, poll, File.ReadAllText(SharedData.File("elections/glasgow-2007-linn.blt")))).Ok();

        using var official = JsonDocument.Parse(File.ReadAllText(SharedData.File("elections/glasgow-2007-linn.stages.json")));
        var result = imported.Result;
        Assert.Null(result.Error);
        Assert.Equal(official.RootElement.GetProperty("valid_votes").GetInt64(), imported.Votes);
        Assert.Equal(official.RootElement.GetProperty("quota").GetString(), result.Quota);
        Assert.Equal(["David Ritchie", "Sadie Docherty", "John McKenzie", "Margot Clark"], result.Elected);
        var first = official.RootElement.GetProperty("stages")[0].GetProperty("votes");
        foreach (var candidate in first.EnumerateObject())
            Assert.Equal(candidate.Value.GetString(), result.Stages[0].Votes[result.Candidates.ToList().IndexOf(candidate.Name)]);
        Assert.Equal(official.RootElement.GetProperty("stages").GetArrayLength(), result.Stages.Count);
        Assert.Equal<int?>(imported.Ballots, result.Paper!.Ballots);

        // The import closed the poll; once published, the ballots carry no voter, are marked as paper and recount the same.
        (await PublishAsync(s, poll)).Ok();
        var published = (await database.RunAsync((db, a) => PollQueries.BallotsAsync(db, a, poll, TestDatabase.Ct), s.Delegates[0].Actor)).Ok();
        Assert.Equal(imported.Ballots, published.Count);
        Assert.All(published, b => Assert.True(b.Paper && b.DelegateId is null));
        await using (var db = database.Context())
        {
            var row = await db.Polls.SingleAsync(p => p.Id == poll, TestDatabase.Ct);
            Assert.Equal((PollStatus.Published, 0), (row.Status, row.BallotsCast));
            Assert.Empty(await db.PollVoters.Where(v => v.PollId == poll).ToListAsync(TestDatabase.Ct));
        }
        var blt = (await database.RunAsync((db, a) => PollQueries.BltAsync(db, a, poll, TestDatabase.Ct), s.Delegates[0].Actor)).Ok();
        var recount = Count.Run(BltReader.Read(new StringReader(blt)).Ok(), CountMethod.ScottishStv).Ok();
        Assert.Equal(result.Elected, recount.ElectedNames);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_bad_ballot_file_is_refused_with_its_line_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);
        var poll = await PaperElectionAsync(s, 1, "Ana", "Ben", "Cai");
        (await ImportAsync(s, poll, "3 1\n1 1 2 0\n0\n\"Ana\"\n\"Ben\"\n\"Cai\"\n\"T\"\n")).Fails<PaperBeforeOpening, ImportPaperBallots.Imported>();
        (await OpenAsync(s, poll)).Ok();
        var before = await StateAsync(database, poll);

        // The fourth line is bad: nothing of the three good lines before it is kept.
        var badWeight = (await ImportAsync(s, poll, "3 1\n2 1 2 0\n1 3 0\nx 2 0\n0\n\"Ana\"\n\"Ben\"\n\"Cai\"\n\"T\"\n")).Fails<BltBadWeight, ImportPaperBallots.Imported>();
        Assert.Equal(4, badWeight.Line);
        var stranger = (await ImportAsync(s, poll, "3 1\n2 1 2 0\n0\n\"Ana\"\n\"Bea\"\n\"Cai\"\n\"T\"\n")).Fails<BltNotACandidate, ImportPaperBallots.Imported>();
        Assert.Equal(5, stranger.Line);
        Assert.Contains("'Bea' is not a candidate", stranger.Message, StringComparison.Ordinal);
        (await ImportAsync(s, poll, "2 1\n2 1 2 0\n0\n\"Ana\"\n\"Ben\"\n\"T\"\n")).Fails<BltMissesCandidates, ImportPaperBallots.Imported>();
        (await ImportAsync(s, poll, "3 2\n2 1 2 0\n0\n\"Ana\"\n\"Ben\"\n\"Cai\"\n\"T\"\n")).Fails<BltSeatsDiffer, ImportPaperBallots.Imported>();
        (await ImportAsync(s, poll, "3 1\n2 1 2 0\n0\n\"Ana\"\n\"Ben\"\n")).Fails<BltMissingName, ImportPaperBallots.Imported>();
        Assert.Equal(before, await StateAsync(database, poll));

        // A good file goes in once; names match whatever their case.
        var imported = (await ImportAsync(s, poll, "3 1\n2 1 2 0\n1 3 0\n0\n\"ana\"\n\"Ben\"\n\"Cai\"\n\"T\"\n")).Ok();
        Assert.Equal((2, 3L, "Ana"), (imported.Ballots, imported.Votes, Assert.Single(imported.Result.Elected)));
        var after = await StateAsync(database, poll);
        (await ImportAsync(s, poll, "3 1\n2 1 2 0\n0\n\"Ana\"\n\"Ben\"\n\"Cai\"\n\"T\"\n")).Fails<PaperAlreadyEntered, ImportPaperBallots.Imported>();
        Assert.Equal(after, await StateAsync(database, poll));
        // Recorded in the trail with the poll: who imported, how many ballots and votes.
        await using var db = database.Context();
        Assert.Contains(await db.AuditEntries.Where(e => e.EntityType == nameof(Poll) && e.EntityId == poll.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(e => e.After).ToListAsync(TestDatabase.Ct), a => a != null && a.Contains("PaperVotes", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Paper_ballots_of_an_election_are_counted_with_the_electronic_ones_after_the_close(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);
        var poll = await s.ElectionAsync(CountMethod.ScottishStv, 1, "Ana", "Ben", "Cai");
        (await OpenAsync(s, poll)).Ok();
        (await s.VoteAsync(poll, s.Delegates[0], 2)).Ok();
        (await s.VoteAsync(poll, s.Delegates[1], 2, 1)).Ok();
        (await s.VoteAsync(poll, s.Delegates[2], 1)).Ok();
        const string Paper = "3 1\n1 1=2 0\n1 1 - 2 0\n0\n\"Cai\"\n\"Ana\"\n\"Ben\"\n\"T\"\n";
        // While delegates can still vote here, paper is refused: one of them could be counted twice.
        (await ImportAsync(s, poll, Paper)).Fails<PollStillTakingBallots, ImportPaperBallots.Imported>();
        Assert.Equal(["Ben"], (await CloseAsync(s, poll)).Ok().Elected);
        // Five present, three voted here: three paper votes would count someone twice.
        (await ImportAsync(s, poll, "3 1\n3 1 0\n0\n\"Cai\"\n\"Ana\"\n\"Ben\"\n\"T\"\n")).Fails<MorePaperThanPresent, ImportPaperBallots.Imported>();

        var imported = (await ImportAsync(s, poll, Paper)).Ok();

        // Five ballots: three cast here, two on paper (one ranks Cai and Ana equal first, the other leaves its second rank blank).
        var result = imported.Result;
        Assert.Equal(5, result.Ballots);
        Assert.Equal(5, result.Votes);
        Assert.Equal((2, 2L), (result.Paper!.Ballots!.Value, result.Paper.Votes!.Value));
        (await PublishAsync(s, poll)).Ok();
        var published = (await database.RunAsync((db, a) => PollQueries.BallotsAsync(db, a, poll, TestDatabase.Ct), s.Delegates[3].Actor)).Ok();
        Assert.Equal(3, published.Count(b => !b.Paper));
        Assert.Contains(published, b => b.Paper && b.Choices.SequenceEqual(["Cai = Ana"]));
        Assert.Contains(published, b => b.Paper && b.Choices.SequenceEqual(["Cai", "(rank left blank)", "Ana"]));
        var stored = (await database.RunAsync((db, a) => PollQueries.GetAsync(db, a, poll, TestDatabase.Ct), s.Secretary)).Ok().Result!;
        var blt = (await database.RunAsync((db, a) => PollQueries.BltAsync(db, a, poll, TestDatabase.Ct), s.Secretary)).Ok();
        Assert.Equal(stored.Elected, Count.Run(BltReader.Read(new StringReader(blt)).Ok(), CountMethod.ScottishStv, new CountOptions { Seed = stored.Seed }).Ok().ElectedNames);
        Assert.Equal(result.Stages[0].Votes, stored.Stages[0].Votes);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Paper_totals_are_added_to_the_electronic_votes_and_the_majority_decides_the_sum(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);

        // 2 yes, 1 no here; on paper 1 abstaining: 2 yes of 4 valid votes is exactly half, not an absolute majority.
        var half = await QuestionAsync(s);
        (await OpenAsync(s, half)).Ok();
        await AnswerAsync(s, half, YesYesNo);
        (await TotalsAsync(s, half, 0, 0, 1)).Fails<PollStillTakingBallots, PollResult>();
        Assert.True((await CloseAsync(s, half)).Ok().Carried);
        var tied = (await TotalsAsync(s, half, 0, 0, 1)).Ok();
        Assert.Equal((2L, 1L, 1L, false), (tied.Yes!.Value, tied.No!.Value, tied.Abstain!.Value, tied.Carried!.Value));
        Assert.Contains("exactly half", tied.Reason, StringComparison.OrdinalIgnoreCase);

        // One paper yes more: 3 of 4, carried; a spoilt paper is recorded and counts for nothing.
        var more = await QuestionAsync(s);
        (await OpenAsync(s, more)).Ok();
        await AnswerAsync(s, more, YesYesNo);
        (await CloseAsync(s, more)).Ok();
        (await TotalsAsync(s, more, 2, 0, 0, 1)).Fails<MorePaperThanPresent, PollResult>();
        var carried = (await TotalsAsync(s, more, 1, 0, 0, 1)).Ok();
        Assert.Equal((3L, 1L, 0L, true), (carried.Yes!.Value, carried.No!.Value, carried.Abstain!.Value, carried.Carried!.Value));
        Assert.Equal<long?>(1L, carried.Paper!.Invalid);
        (await TotalsAsync(s, more, 1, 0)).Fails<PaperAlreadyEntered, PollResult>();

        // The published result is the summed one, and nothing more can be entered.
        (await PublishAsync(s, more)).Ok();
        var seen = (await database.RunAsync((db, a) => PollQueries.GetAsync(db, a, more, TestDatabase.Ct), s.Delegates[4].Actor)).Ok().Result!;
        Assert.Equal((3L, true, 1L), (seen.Yes!.Value, seen.Carried!.Value, seen.Paper!.Yes!.Value));
        await using var db = database.Context();
        Assert.Contains(await db.AuditEntries.Where(e => e.EntityType == nameof(Poll) && e.EntityId == more.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(e => e.After).ToListAsync(TestDatabase.Ct), a => a != null && a.Contains("PaperYes", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_paper_only_question_stands_on_its_totals_and_bad_entries_are_refused_by_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database, checkedIn: 0);
        var poll = await QuestionAsync(s, paperOnly: true, MajorityKind.TwoThirds);
        (await TotalsAsync(s, poll, 6, 3)).Fails<PaperBeforeOpening, PollResult>();
        (await OpenAsync(s, poll)).Ok();
        var negative = (await TotalsAsync(s, poll, -1, 3)).Fails<ValidationFailed, PollResult>();
        Assert.Equal(["Yes"], negative.Errors.Select(e => e.FieldName));
        (await s.Database.RunAsync((db, a) => EnterPaperTotals.HandleAsync(db, a, poll, new EnterPaperTotals.Request { Yes = 6 }, TestDatabase.Ct),
            s.Delegates[0].Actor)).Fails<PollNotFound, PollResult>();
        var election = await PaperElectionAsync(s, 1, "Ana", "Ben");
        (await TotalsAsync(s, election, 1, 0)).Fails<PaperTotalsAreForQuestions, PollResult>();
        (await ImportAsync(s, poll, "2 1\n1 1 0\n0\n\"Ana\"\n\"Ben\"\n\"T\"\n")).Fails<PaperBallotsAreForElections, ImportPaperBallots.Imported>();

        // Nobody checked in and no one voted here: the tellers' 6 yes of 9 are two thirds exactly; entering them closes the poll.
        var result = (await TotalsAsync(s, poll, 6, 3)).Ok();
        Assert.Equal((6L, 3L, true), (result.Yes!.Value, result.No!.Value, result.Carried!.Value));
        (await PublishAsync(s, poll)).Ok();
        (await TotalsAsync(s, poll, 6, 3)).Fails<PaperAlreadyEntered, PollResult>();

        // Closed without its paper, a paper-only poll is not published; once published, no paper goes in.
        var other = await QuestionAsync(s, paperOnly: true);
        (await OpenAsync(s, other)).Ok();
        (await CloseAsync(s, other)).Ok();
        (await PublishAsync(s, other)).Fails<PaperCountMissing, Done>();
        var mixed = await QuestionAsync(s);
        (await OpenAsync(s, mixed)).Ok();
        (await CloseAsync(s, mixed)).Ok();
        (await PublishAsync(s, mixed)).Ok();
        (await TotalsAsync(s, mixed, 0, 0)).Fails<ResultAlreadyPublished, PollResult>();
    }
}
