using Cadre.Congresses;
using Cadre.Congresses.Motions;
using Cadre.Congresses.Polls;
using Cadre.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Demo;

public sealed class DemoCongressTests(SeededDemo demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_member_is_a_delegate_of_a_regional_conference_with_an_open_election_and_an_amended_motion()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();

        var congress = await db.Congresses.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(CongressKind.Conference, congress.Kind);
        Assert.NotNull(congress.ApportionedAt);
        var person = await db.Users.Where(u => u.Email == DemoParty.MemberEmail).Select(u => u.PersonId).SingleAsync(Ct);
        Assert.True(await db.CongressDelegates.AnyAsync(d => d.CongressId == congress.Id && db.Members.Any(m => m.Id == d.MemberId && m.PersonId == person), Ct));
        Assert.True(await db.CongressDelegates.CountAsync(d => d.CongressId == congress.Id && d.Present, Ct) > 0);
        Assert.Equal(PollStatus.Open, (await db.Polls.AsNoTracking().SingleAsync(Ct)).Status);
        var motion = await db.Motions.AsNoTracking().Include(m => m.Amendments).SingleAsync(Ct);
        Assert.Equal(Recommendation.Adopt, Assert.Single(motion.Amendments).Recommendation);
    }
}
