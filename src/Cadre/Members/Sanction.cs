using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Members;

public enum SanctionKind
{
    Warning = 1,
    SevereWarning = 2,
    Suspension = 3,
    Expulsion = 4,
}

public enum AppealStatus
{
    None = 0,
    Pending = 1,
    Upheld = 2,
    Overturned = 3,
}

/// A disciplinary decision and its appeal. The member's status changes through Member; this keeps what an appeal needs:
/// who decided, and the status to restore if it is overturned.
public sealed class Sanction : IAudited
{
    private Sanction()
    {
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    public Member Member { get; private set; } = null!;

    public SanctionKind Kind { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public int DecidedById { get; private set; }

    public string Reason { get; private set; } = "";

    public string? Reference { get; private set; }

    public DateOnly? SuspendedUntil { get; private set; }

    public MemberStatus StatusBefore { get; private set; }

    public AppealStatus Appeal { get; private set; }

    /// The higher organization whose body hears the appeal.
    public int? AppealToId { get; private set; }

    public DateOnly? AppealLodgedOn { get; private set; }

    public DateOnly? AppealDecidedOn { get; private set; }

    public int OrganizationId { get; private set; }

    public int Version { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    internal static Sanction Of(Member member, SanctionKind kind, Decision decision, DateOnly? suspendedUntil, MemberStatus before) => new()
    {
        Member = member,
        Kind = kind,
        DecidedOn = decision.On,
        DecidedById = decision.DecidedById ?? member.OrganizationId,
        Reason = decision.Reason?.Trim() ?? "",
        Reference = string.IsNullOrWhiteSpace(decision.Reference) ? null : decision.Reference.Trim(),
        SuspendedUntil = suspendedUntil,
        StatusBefore = before,
        OrganizationId = member.OrganizationId,
    };

    public Result<Done> LodgeAppeal(int appealToId, DateOnly on, DateOnly today)
    {
        if (Appeal != AppealStatus.None) return new AppealAlreadyLodged();
        if (on > today) return new DecisionInFuture();
        if (on < DecidedOn) return new DecisionBeforeLastStep(DecidedOn);
        Appeal = AppealStatus.Pending;
        AppealToId = appealToId;
        AppealLodgedOn = on;
        Version++;
        return Done.Value;
    }

    public Result<Done> Decide(bool overturned, DateOnly on, DateOnly today)
    {
        if (Appeal != AppealStatus.Pending) return new NoPendingAppeal();
        if (on > today) return new DecisionInFuture();
        if (on < AppealLodgedOn) return new DecisionBeforeLastStep(AppealLodgedOn!.Value);
        Appeal = overturned ? AppealStatus.Overturned : AppealStatus.Upheld;
        AppealDecidedOn = on;
        Version++;
        return Done.Value;
    }
}
