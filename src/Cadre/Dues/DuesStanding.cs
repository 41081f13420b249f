using Cadre.Members;

namespace Cadre.Dues;

/// The one place that says whose membership carries dues: the current members of the lifecycle — candidates,
/// members, and suspended members, whose obligations do not pause while they are suspended. Applicants and
/// those who have left owe nothing.
public static class DuesStanding
{
    public static bool OwesDues(MemberStatus status) => MembershipStateMachine.IsCurrent(status);
}
