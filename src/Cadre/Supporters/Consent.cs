using Cadre.Audit;

namespace Cadre.Supporters;

/// What the supporter allows their contacts to be used for.
public enum ConsentPurpose
{
    News = 1,
    Events = 2,
    BranchContact = 3,
}

/// How the consent was given, so it can be shown when asked.
public enum ConsentMethod
{
    WebForm = 1,
    Paper = 2,
    Verbal = 3,
}

/// One consent: for a purpose, given on a date in a way, withdrawn on a date (kept, never deleted).
public sealed class Consent : IAudited
{
    private Consent()
    {
    }

    internal Consent(Supporter supporter, ConsentPurpose purpose, DateOnly on, ConsentMethod how, int? signupFormId)
    {
        Supporter = supporter;
        OrganizationId = supporter.OrganizationId;
        Purpose = purpose;
        GivenOn = on;
        How = how;
        SignupFormId = signupFormId;
    }

    public int Id { get; private set; }

    public int SupporterId { get; private set; }

    public Supporter Supporter { get; private set; } = null!;

    public int OrganizationId { get; private set; }

    public ConsentPurpose Purpose { get; private set; }

    public DateOnly GivenOn { get; private set; }

    public ConsentMethod How { get; private set; }

    /// The public sign-up form it was given on, when it was.
    public int? SignupFormId { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public bool IsLive => WithdrawnOn is null;

    int? IAudited.AuditOrganizationId => OrganizationId;

    internal void Withdraw(DateOnly on) => WithdrawnOn = on;
}
