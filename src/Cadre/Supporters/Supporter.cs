using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Supporters;

/// Where the organization met the supporter.
public enum SupporterSource
{
    Event = 1,
    Referral = 2,
    WebForm = 3,
    Other = 4,
}

/// Someone who is not a member but stands with an organization: their name, contacts, interests and the consents they gave.
/// Contacts may be used only for a purpose with live consent (GDPR); a withdrawal is recorded, never deleted (decision 0063).
public sealed class Supporter : IAudited, IAuditRedacted
{
    private static readonly string[] PersonalFields = [nameof(Name), nameof(Email), nameof(Phone), nameof(Address), nameof(Interests), nameof(Notes)];

    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 40;
    public const int AddressMaxLength = 300;
    public const int InterestsMaxLength = 500;
    public const int NotesMaxLength = 2000;
    public const string ErasedName = "(erased)";

    private readonly List<Consent> consents = [];

    private Supporter()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public string Name { get; private set; } = "";

    public string NameKey { get; private set; } = "";

    public string? Email { get; private set; }

    public string? EmailKey { get; private set; }

    public string? Phone { get; private set; }

    public string? Address { get; private set; }

    public SupporterSource Source { get; private set; }

    /// Tags, lower case, separated by commas ("housing,peace").
    public string? Interests { get; private set; }

    public string? Notes { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    /// The member record the supporter became when they applied for membership.
    public int? MemberId { get; private set; }

    public DateOnly? ConvertedOn { get; private set; }

    /// Erased on request: the personal data is gone, the consents' dates stay as proof of what was allowed.
    public DateOnly? ErasedOn { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<Consent> Consents => consents;

    public bool IsErased => ErasedOn is not null;

    int? IAudited.AuditOrganizationId => OrganizationId;

    IReadOnlyCollection<string> IAuditRedacted.RedactedInAudit => PersonalFields;

    public static Result<Supporter> Register(int organizationId, SupporterDetails details, SupporterSource source, DateOnly on, DateOnly today)
    {
        if (!Enum.IsDefined(source)) return new InvalidField("Source", "The source is an event, a referral, a web form or other.");
        if (on > today) return new InvalidField("RegisteredOn", "The date cannot be in the future.");
        var supporter = new Supporter { OrganizationId = organizationId, Source = source, RegisteredOn = on, Version = 1 };
        supporter.Set(details);
        return supporter;
    }

    public Result<Done> Update(SupporterDetails details, SupporterSource source)
    {
        if (IsErased) return new SupporterErased();
        if (!Enum.IsDefined(source)) return new InvalidField("Source", "The source is an event, a referral, a web form or other.");
        // Without a live consent nobody is shown the contacts (decision 0063), so no editor can have meant to change them:
        // an edit keeps them as they are instead of blanking what the form could not show.
        if (!consents.Any(c => c.WithdrawnOn is null)) details = details with { Email = Email, Phone = Phone, Address = Address };
        Source = source;
        Set(details);
        Version++;
        return Done.Value;
    }

    public Consent? LiveConsent(ConsentPurpose purpose) => consents.FirstOrDefault(c => c.Purpose == purpose && c.WithdrawnOn is null);

    public Result<Consent> GiveConsent(ConsentPurpose purpose, DateOnly on, ConsentMethod how, int? signupFormId, DateOnly today)
    {
        if (IsErased) return new SupporterErased();
        if (!Enum.IsDefined(purpose)) return new InvalidField("Purpose", "The purpose is news, events or contact by the branch.");
        if (!Enum.IsDefined(how)) return new InvalidField("How", "Consent is given on a web form, on paper or verbally.");
        if (on > today) return new InvalidField("On", "Consent is recorded once given: the date cannot be in the future.");
        if (on < RegisteredOn) return new InvalidField("On", $"The supporter was registered on {RegisteredOn:yyyy-MM-dd}: consent is given on that day or later.");
        if (LiveConsent(purpose) is { } live) return new ConsentAlreadyGiven(purpose, live.GivenOn);
        var consent = new Consent(this, purpose, on, how, signupFormId);
        consents.Add(consent);
        Version++;
        return consent;
    }

    public Result<Done> WithdrawConsent(int consentId, DateOnly on, DateOnly today)
    {
        var consent = consents.SingleOrDefault(c => c.Id == consentId);
        if (consent is null) return new ConsentNotFound();
        if (consent.WithdrawnOn is { } withdrawn) return new ConsentAlreadyWithdrawn(withdrawn);
        if (on > today) return new InvalidField("On", "The date cannot be in the future.");
        if (on < consent.GivenOn) return new InvalidField("On", $"The consent was given on {consent.GivenOn:yyyy-MM-dd}: it is withdrawn on that day or later.");
        consent.Withdraw(on);
        Version++;
        return Done.Value;
    }

    /// The supporter applied for membership: the member record carries on from here.
    public Result<Done> BecameApplicant(int memberId, DateOnly on)
    {
        if (IsErased) return new SupporterErased();
        if (MemberId is not null) return new SupporterAlreadyConverted();
        MemberId = memberId;
        ConvertedOn = on;
        Version++;
        return Done.Value;
    }

    /// Erasure on request: every live consent ends today, the personal data is removed; the row stays so the funnel and the
    /// consent dates still count.
    public Result<Done> Erase(DateOnly today)
    {
        if (IsErased) return new SupporterErased();
        foreach (var consent in consents.Where(c => c.WithdrawnOn is null)) consent.Withdraw(today);
        Name = ErasedName;
        NameKey = "";
        Email = EmailKey = Phone = Address = Interests = Notes = null;
        ErasedOn = today;
        Version++;
        return Done.Value;
    }

    /// A repeated sign-up adds what the supporter had not given before and never overwrites what they had.
    public void FillIn(string? phone)
    {
        if (Phone is null && Blank(phone) is { } p) Phone = p;
    }

    public IReadOnlyList<string> InterestList => SupporterDetails.SplitTags(Interests);

    private void Set(SupporterDetails details)
    {
        Name = details.Name.Trim();
        NameKey = Text.SearchKey(Name);
        Email = Blank(details.Email);
        EmailKey = Email is null ? null : Text.SearchKey(Email);
        Phone = Blank(details.Phone);
        Address = Blank(details.Address);
        var tags = SupporterDetails.Tags(details.Interests);
        Interests = tags.Count == 0 ? null : string.Join(',', tags);
        Notes = Blank(details.Notes);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
