using Cadre.Audit;
using Cadre.Organizations;

namespace Cadre.Members;

/// One entry of a member's history: what happened, when, who decided, and the status before and after.
/// Written only by Member's lifecycle methods; never changed afterwards.
public sealed class MembershipEvent : IAudited
{
    public const int TextMaxLength = 1000;
    public const int ReferenceMaxLength = 100;

    private MembershipEvent()
    {
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    public MembershipEventKind Kind { get; private set; }

    public DateOnly On { get; private set; }

    /// The organization whose body decided.
    public int? DecidedById { get; private set; }

    public Organization? DecidedBy { get; private set; }

    /// The decision's reference (minutes, resolution number).
    public string? Reference { get; private set; }

    public string? Reason { get; private set; }

    public string? Note { get; private set; }

    public MemberStatus? StatusBefore { get; private set; }

    public MemberStatus StatusAfter { get; private set; }

    /// The member's organization at the time, so the trail is scoped where the member then belonged.
    public int OrganizationId { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    internal static MembershipEvent Of(Member member, MembershipEventKind kind, Decision decision, MemberStatus? before, MemberStatus after) => new()
    {
        Kind = kind,
        On = decision.On,
        DecidedById = decision.DecidedById,
        Reference = Clean(decision.Reference),
        Reason = Clean(decision.Reason),
        Note = Clean(decision.Note),
        StatusBefore = before,
        StatusAfter = after,
        OrganizationId = member.OrganizationId,
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// The facts common to every decision about a membership.
public sealed record Decision(DateOnly On, int? DecidedById = null, string? Reference = null, string? Reason = null, string? Note = null);
