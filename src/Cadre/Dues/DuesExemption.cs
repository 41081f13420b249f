using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Dues;

/// A member owes nothing for the months of the period (illness, military service, hardship), for a stated reason.
public sealed class DuesExemption : IAudited
{
    public const int ReasonMaxLength = 300;

    private DuesExemption()
    {
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    public int OrganizationId { get; private set; }

    public string Reason { get; private set; } = "";

    public DateOnly FromMonth { get; private set; }

    /// The last exempt month; null while the exemption runs.
    public DateOnly? ToMonth { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    public bool Covers(DateOnly month) => month >= FromMonth && (ToMonth is null || month <= ToMonth);

    /// Ends the exemption: lastMonth is the last month it covers.
    public Result<Done> End(DateOnly lastMonth)
    {
        if (!Months.IsMonth(lastMonth)) return new NotAMonth("LastMonth");
        if (lastMonth < FromMonth) return new InvalidField("LastMonth", "The exemption cannot end before it starts.");
        ToMonth = lastMonth;
        return Done.Value;
    }

    public static Result<DuesExemption> Grant(int memberId, int organizationId, string reason, DateOnly fromMonth, DateOnly? toMonth)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(new InvalidField("Reason", "Give the reason for the exemption."));
        else if (reason.Trim().Length > ReasonMaxLength) errors.Add(new InvalidField("Reason", $"The reason is at most {ReasonMaxLength} characters."));
        if (!Months.IsMonth(fromMonth)) errors.Add(new NotAMonth("FromMonth"));
        if (toMonth is { } to && !Months.IsMonth(to)) errors.Add(new NotAMonth("ToMonth"));
        else if (toMonth < fromMonth) errors.Add(new InvalidField("ToMonth", "The exemption cannot end before it starts."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        return new DuesExemption { MemberId = memberId, OrganizationId = organizationId, Reason = reason.Trim(), FromMonth = fromMonth, ToMonth = toMonth };
    }
}
