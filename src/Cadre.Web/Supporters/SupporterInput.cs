using Cadre.Supporters;

namespace Cadre.Web.Supporters;

/// The supporter form as posted: interests as one line of tags separated by commas.
public sealed record SupporterInput
{
    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Address { get; init; }

    public SupporterSource Source { get; init; } = SupporterSource.Event;

    public string? Interests { get; init; }

    public string? Notes { get; init; }

    public SupporterDetails ToDetails() => new()
    {
        Name = Name ?? "", Email = Email, Phone = Phone, Address = Address, Interests = SupporterPages.Tags(Interests), Notes = Notes,
    };
}
