using Cadre.Accounts;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Dues;

/// A member's dues as their treasurer sees them, with the forms to record a payment, a declared income or an exemption.
[Requires(Permission.DuesRead)]
public sealed class MemberModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public MemberDues Dues { get; private set; } = null!;

    public bool CanManage { get; private set; }

    [BindProperty]
    public PaymentInput Payment { get; set; } = new();

    [BindProperty]
    public IncomeInput Income { get; set; } = new();

    [BindProperty]
    public ExemptionInput Exemption { get; set; } = new();

    public sealed record PaymentInput
    {
        public string? FromMonth { get; init; }

        public int MonthCount { get; init; } = 1;

        public decimal? Amount { get; init; }

        public PaymentMethod Method { get; init; } = PaymentMethod.Cash;

        public string? Reference { get; init; }
    }

    public sealed record IncomeInput
    {
        public string? FromMonth { get; init; }

        public decimal? MonthlyIncome { get; init; }
    }

    public sealed record ExemptionInput
    {
        public string? Reason { get; init; }

        public string? FromMonth { get; init; }

        public string? ToMonth { get; init; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// The amount is spread over the months from the first: each month gets what it still owes, the last what remains.
    public async Task<IActionResult> OnPostPaymentAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanManage) return NotFound();
        ModelState.Clear();
        var from = Months.Parse(Payment.FromMonth);
        if (from is null) ModelState.AddModelError("Payment.FromMonth", new NotAMonth("FromMonth").Message);
        if (Payment.Amount is null) ModelState.AddModelError("Payment.Amount", "Enter the amount received.");
        if (Payment.MonthCount is < 1 or > 24) ModelState.AddModelError("Payment.MonthCount", "Pay for 1 to 24 months at once.");
        if (!ModelState.IsValid) return Page();
        var lines = Spread(from!.Value, Payment.MonthCount, Payment.Amount!.Value);
        var result = await RecordPayment.HandleAsync(db, await actors.GetAsync(ct),
            new RecordPayment.Request { MemberId = id, Method = Payment.Method, Reference = Payment.Reference, Months = lines }, ct);
        if (!result.IsSuccess)
        {
            result.Error.AddTo(ModelState, "Payment", new Dictionary<string, string> { ["Months"] = "FromMonth" });
            return Page();
        }
        TempData["Flash"] = $"Payment recorded: receipt {result.Value.ReceiptNumber}, {DuesPages.Money(result.Value.Amount)} {Dues.CurrencyCode}.";
        return Redirect($"/dues/members/{id}");
    }

    public async Task<IActionResult> OnPostIncomeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanManage) return NotFound();
        ModelState.Clear();
        var from = Months.Parse(Income.FromMonth);
        if (from is null) ModelState.AddModelError("Income.FromMonth", new NotAMonth("FromMonth").Message);
        if (Income.MonthlyIncome is null) ModelState.AddModelError("Income.MonthlyIncome", "Enter the declared monthly income.");
        if (!ModelState.IsValid) return Page();
        var result = await DeclareIncome.HandleAsync(db, await actors.GetAsync(ct), new DeclareIncome.Request(id, from!.Value, Income.MonthlyIncome!.Value), ct);
        if (!result.IsSuccess)
        {
            result.Error.AddTo(ModelState, "Income");
            return Page();
        }
        TempData["Flash"] = "The declared income was recorded.";
        return Redirect($"/dues/members/{id}");
    }

    public async Task<IActionResult> OnPostExemptionAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanManage) return NotFound();
        ModelState.Clear();
        var from = Months.Parse(Exemption.FromMonth);
        var to = string.IsNullOrWhiteSpace(Exemption.ToMonth) ? null : Months.Parse(Exemption.ToMonth);
        if (from is null) ModelState.AddModelError("Exemption.FromMonth", new NotAMonth("FromMonth").Message);
        if (!string.IsNullOrWhiteSpace(Exemption.ToMonth) && to is null) ModelState.AddModelError("Exemption.ToMonth", new NotAMonth("ToMonth").Message);
        if (!ModelState.IsValid) return Page();
        var result = await GrantExemption.HandleAsync(db, await actors.GetAsync(ct), new GrantExemption.Request(id, Exemption.Reason ?? "", from!.Value, to), ct);
        if (!result.IsSuccess)
        {
            result.Error.AddTo(ModelState, "Exemption");
            return Page();
        }
        TempData["Flash"] = "The exemption was recorded.";
        return Redirect($"/dues/members/{id}");
    }

    public async Task<IActionResult> OnPostEndExemptionAsync(int id, int exemptionId, string? lastMonth, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanManage) return NotFound();
        ModelState.Clear();
        var last = Months.Parse(lastMonth);
        if (last is null)
        {
            ModelState.AddModelError("", new NotAMonth("LastMonth").Message);
            return Page();
        }
        var result = await EndExemption.HandleAsync(db, await actors.GetAsync(ct), new EndExemption.Request(id, exemptionId, last.Value), ct);
        if (result.Error is ExemptionNotFound) return NotFound();
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Error.Message);
            return Page();
        }
        TempData["Flash"] = "The exemption was ended.";
        return Redirect($"/dues/members/{id}");
    }

    private List<RecordPayment.Line> Spread(DateOnly from, int count, decimal amount)
    {
        var lines = new List<RecordPayment.Line>();
        var left = amount;
        for (var i = 0; i < count && left > 0; i++)
        {
            var month = from.AddMonths(i);
            var owed = Dues.Months.FirstOrDefault(m => m.Month == month)?.Outstanding ?? 0;
            var part = i == count - 1 ? left : Math.Min(left, Math.Max(owed, 0));
            if (part <= 0) continue;
            lines.Add(new RecordPayment.Line(month, part));
            left -= part;
        }
        if (lines.Count == 0) lines.Add(new RecordPayment.Line(from, amount));
        return lines;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var dues = await DuesQueries.MemberAsync(db, actor, id, ct);
        if (!dues.IsSuccess) return false;
        Dues = dues.Value;
        CanManage = await actor.CanAsync(db, Permission.DuesManage, Dues.OrganizationId, ct);
        return true;
    }
}
