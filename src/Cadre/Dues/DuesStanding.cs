using Cadre.Members;

namespace Cadre.Dues;

/// The one place that says whose membership carries dues. Today every member who has not left owes them;
/// the membership lifecycle adds statuses (suspended, lapsed...) and this is the line to change.
public static class DuesStanding
{
    public static bool OwesDues(MemberStatus status) => status != MemberStatus.Former;
}
