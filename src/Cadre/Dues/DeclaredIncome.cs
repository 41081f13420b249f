using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Dues;

/// A member's declared monthly income from a month on. Kept on the dues side, with its history: an obligation
/// is computed from the declaration in force in its month.
public sealed class DeclaredIncome : IAudited
{
    private DeclaredIncome()
    {
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    public int OrganizationId { get; private set; }

    public DateOnly FromMonth { get; private set; }

    public decimal MonthlyIncome { get; private set; }

    public DateOnly DeclaredOn { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<DeclaredIncome> Declare(int memberId, int organizationId, DateOnly fromMonth, decimal monthlyIncome, DateOnly today)
    {
        if (monthlyIncome < 0) return new NegativeIncome();
        if (!Months.IsMonth(fromMonth)) return new NotAMonth("FromMonth");
        return new DeclaredIncome
        {
            MemberId = memberId, OrganizationId = organizationId, FromMonth = fromMonth, MonthlyIncome = monthlyIncome, DeclaredOn = today,
        };
    }

    /// A second declaration for the same month corrects the first.
    public Result<Done> Correct(decimal monthlyIncome, DateOnly today)
    {
        if (monthlyIncome < 0) return new NegativeIncome();
        MonthlyIncome = monthlyIncome;
        DeclaredOn = today;
        return Done.Value;
    }
}
