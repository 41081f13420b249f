using Cadre.Accounts;
using Cadre.Data;
using Cadre.Meetings;
using Cadre.Tests.Infrastructure;

namespace Cadre.Tests.Meetings;

public sealed class MyMeetingsTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_member_sees_the_coming_meetings_of_their_branch_and_their_own_attendance_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Alves");
        await database.RegisterMemberAsync(tree.NorthBranch, "Bo", "Berg");
        await database.RegisterMemberAsync(tree.SouthBranch, "Gus", "Gray");
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthBranch);
        var now = database.Clock.Now.UtcDateTime;
        var held = await database.ScheduleAsync(tree.NorthBranch, now.AddHours(-3), secretary);
        var coming = await database.ScheduleAsync(tree.NorthBranch, now.AddDays(4), secretary);
        await database.ScheduleAsync(tree.SouthBranch, now.AddDays(5));
        var roll = await database.RollAsync(held);
        (await database.MarkAsync(held, secretary, (roll.Single(a => a.PersonId == ana.PersonId).Id, AttendanceStatus.Late))).Ok();

        var mine = (await database.RunAsync((db, a) => MyMeetings.ForAsync(db, a, TestDatabase.Ct),
            new Actor("user-ana", "ana@example.org", [(Role.Member, tree.NorthBranch)], ana.PersonId))).Ok();
        Assert.Equal([coming], mine.Upcoming.Select(m => m.Id));
        var attended = Assert.Single(mine.Record);
        Assert.Equal((held, AttendanceStatus.Late, 1, 1), (attended.Meeting.Id, attended.Status, mine.Attended, mine.Held));

        Assert.IsType<NoMemberRecord>((await database.RunAsync((db, a) => MyMeetings.ForAsync(db, a, TestDatabase.Ct), secretary)).Error);
    }
}
