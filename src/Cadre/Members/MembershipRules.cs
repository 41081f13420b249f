using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// What the party's statutes say about admission, in one row an administrator edits. Until it is first saved
/// the defaults below hold.
public sealed class MembershipRules : IAudited
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    public int SponsorsRequired { get; private set; } = 2;

    /// Years of full membership a sponsor must have.
    public int SponsorSeniorityYears { get; private set; } = 1;

    /// Whether an admission needs the next higher committee's ratification.
    public bool RatificationRequired { get; private set; }

    public int ProbationMonths { get; private set; } = 12;

    public int Version { get; private set; }

    int? IAudited.AuditOrganizationId => null;

    public static async Task<MembershipRules> LoadAsync(CadreDbContext db, CancellationToken ct) =>
        await db.MembershipRules.SingleOrDefaultAsync(r => r.Id == SingletonId, ct) ?? new MembershipRules();

    public Result<Done> Change(int sponsorsRequired, int sponsorSeniorityYears, bool ratificationRequired, int probationMonths)
    {
        var errors = new List<InvalidField>();
        if (sponsorsRequired is < 0 or > 10) errors.Add(new InvalidField(nameof(SponsorsRequired), "Between 0 and 10 sponsors."));
        if (sponsorSeniorityYears is < 0 or > 50) errors.Add(new InvalidField(nameof(SponsorSeniorityYears), "Between 0 and 50 years."));
        if (probationMonths is < 0 or > 60) errors.Add(new InvalidField(nameof(ProbationMonths), "Between 0 and 60 months."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        SponsorsRequired = sponsorsRequired;
        SponsorSeniorityYears = sponsorSeniorityYears;
        RatificationRequired = ratificationRequired;
        ProbationMonths = probationMonths;
        Version++;
        return Done.Value;
    }
}
