using Cadre.Audit;
using Cadre.Common;
using Cadre.Organizations;

namespace Cadre.Members;

public enum TransferStatus
{
    Pending = 1,
    Accepted = 2,
    Declined = 3,
}

/// A member's move to another organization: requested by the sending side, accepted or declined by the receiving side.
public sealed class TransferRequest : IAudited
{
    private TransferRequest()
    {
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    public Member Member { get; private set; } = null!;

    public int FromOrganizationId { get; private set; }

    public Organization FromOrganization { get; private set; } = null!;

    public int ToOrganizationId { get; private set; }

    public Organization ToOrganization { get; private set; } = null!;

    public DateOnly RequestedOn { get; private set; }

    public string? Reason { get; private set; }

    public TransferStatus Status { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? DecisionNote { get; private set; }

    public int Version { get; private set; }

    int? IAudited.AuditOrganizationId => FromOrganizationId;

    internal static TransferRequest Of(Member member, Organization to, DateOnly on, string? reason) => new()
    {
        Member = member,
        FromOrganizationId = member.OrganizationId,
        ToOrganization = to,
        ToOrganizationId = to.Id,
        RequestedOn = on,
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        Status = TransferStatus.Pending,
    };

    public Result<Done> Accept(Organization to, bool isPrimary, DateOnly on, string? note, DateOnly today)
    {
        if (Status != TransferStatus.Pending) return new TransferNotPending();
        var moved = Member.TransferTo(to, isPrimary, new Decision(on, to.Id, Note: note), today);
        if (!moved.IsSuccess) return moved.Error;
        Status = TransferStatus.Accepted;
        DecidedOn = on;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Version++;
        return Done.Value;
    }

    public Result<Done> Decline(DateOnly on, string? note, DateOnly today)
    {
        if (Status != TransferStatus.Pending) return new TransferNotPending();
        var recorded = Member.Record(MembershipEventKind.TransferDeclined, new Decision(on, ToOrganizationId, Reason: note), today);
        if (!recorded.IsSuccess) return recorded.Error;
        Status = TransferStatus.Declined;
        DecidedOn = on;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Version++;
        return Done.Value;
    }
}
