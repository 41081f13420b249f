using Cadre.Common;

namespace Cadre.Dues;

public sealed record DuesMemberNotFound() : NotFoundError("There is no such member among those whose dues you keep.");

public sealed record DuesOrganizationNotFound() : NotFoundError("There is no such organization among those whose dues you keep.");

public sealed record NotAMonth(string FieldName) : InvalidField(FieldName, "Give a month as YYYY-MM.");

public sealed record NegativeIncome() : InvalidField("MonthlyIncome", "The declared income cannot be negative.");

public sealed record AmountNotPositive(string FieldName) : InvalidField(FieldName, "A payment is a positive amount.");

public sealed record PaidInFuture(string FieldName) : InvalidField(FieldName, "The payment date cannot be in the future.");

public sealed record MonthBeforeMembership(string FieldName, DateOnly Month)
    : InvalidField(FieldName, $"{Months.Format(Month)} is before the member owed dues (they joined later, or accounting starts later).");

public sealed record MonthTooFarAhead(string FieldName) : InvalidField(FieldName, "Dues are paid at most twelve months ahead.");

public sealed record MonthOverpaid(string FieldName, DateOnly Month, decimal Outstanding)
    : InvalidField(FieldName, $"The payment for {Months.Format(Month)} is more than the {Outstanding:0.00} still owed for it.");

public sealed record IncomeNotDeclared(string FieldName, DateOnly Month)
    : InvalidField(FieldName, $"The member has declared no income for {Months.Format(Month)}, so nothing is owed yet: record the declared income first.");

public sealed record NoDuesOwed(string FieldName) : InvalidField(FieldName, "This member owes no dues (they have left the party).");

public sealed record MemberNotInOrganization(string FieldName) : InvalidField(FieldName, "The member does not belong to this organization.");

public sealed record SharesDoNotSumTo100(decimal Sum) : InvalidField("Shares", $"The shares of the levels sum to {Sum:0.##} %, not 100 %.");

public sealed record NotYourProfile() : NotFoundError("Your account is not linked to a membership.");

public sealed record RulesNotPermitted() : ForbiddenError("Only an administrator sets the dues rules.");

public sealed record ExemptionNotFound() : NotFoundError("The member has no such exemption.");
