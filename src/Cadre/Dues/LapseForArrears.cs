using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;

namespace Cadre.Dues;

/// Automatic lapse (a dues setting): the members of a subtree whom the arrears report proposes for lapse — M months
/// in a row unpaid — lapse through the lifecycle's own step, each with a membership event naming the reason.
/// With the setting off the branch decides, one member at a time, on the member's page.
public static class LapseForArrears
{
    public sealed record Lapsed(IReadOnlyList<string> Numbers, IReadOnlyList<string> Refused);

    public static async Task<Result<Lapsed>> HandleAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        var report = await DuesQueries.ArrearsAsync(db, actor, organizationId, 1, ct);
        if (!report.IsSuccess) return report.Error;
        if (!report.Value.AutomaticLapse) return new AutomaticLapseOff();
        var lapsed = new List<string>();
        var refused = new List<string>();
        foreach (var row in report.Value.Rows.Where(r => r.ProposedForLapse))
        {
            var decision = new DecisionRequest
            {
                Reference = "dues",
                Reason = $"{row.MonthsInARow} months of dues unpaid in a row (automatic lapse after {report.Value.LapseAfterMonths}).",
            };
            var result = await RecordLapse.HandleAsync(db, actor, row.MemberId, decision, ct);
            (result.IsSuccess ? lapsed : refused).Add(result.IsSuccess ? row.Number : $"{row.Number}: {result.Error.Message}");
        }
        return new Lapsed(lapsed, refused);
    }
}

public sealed record AutomaticLapseOff() : ConflictError("Automatic lapse is off in the dues rules: the branch decides each lapse.");
