using Cadre.Audit;

namespace Cadre.Members;

/// A member who vouched for an applicant.
public sealed class Sponsorship : IAudited
{
    private Sponsorship()
    {
    }

    public int Id { get; private set; }

    public int ApplicantId { get; private set; }

    public int SponsorId { get; private set; }

    public Member Sponsor { get; private set; } = null!;

    /// The applicant's organization, so the trail of the sponsorship is scoped where the application was made.
    public int OrganizationId { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    internal static Sponsorship Of(Member applicant, Member sponsor) =>
        new() { ApplicantId = applicant.Id, Sponsor = sponsor, SponsorId = sponsor.Id, OrganizationId = applicant.OrganizationId };
}
