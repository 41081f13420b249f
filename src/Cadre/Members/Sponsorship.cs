namespace Cadre.Members;

/// A member who vouched for an applicant.
public sealed class Sponsorship
{
    private Sponsorship()
    {
    }

    public int Id { get; private set; }

    public int ApplicantId { get; private set; }

    public int SponsorId { get; private set; }

    public Member Sponsor { get; private set; } = null!;

    internal static Sponsorship Of(Member sponsor) => new() { Sponsor = sponsor, SponsorId = sponsor.Id };
}
