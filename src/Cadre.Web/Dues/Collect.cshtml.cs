using Cadre.Accounts;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Dues;

/// A month's collection for a whole primary organization on one screen: the amount due is prefilled, one submit records all.
[Requires(Permission.DuesRead)]
public sealed class CollectModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public DuesOrganization Organization { get; private set; } = null!;

    public BranchSheet Sheet { get; private set; } = null!;

    public bool CanManage { get; private set; }

    [BindProperty]
    public CollectionInput Input { get; set; } = new();

    public sealed record CollectionInput
    {
        public DateOnly? PaidOn { get; init; }

        public PaymentMethod Method { get; init; } = PaymentMethod.Cash;

        public List<LineInput> Lines { get; init; } = [];
    }

    public sealed record LineInput
    {
        public int MemberId { get; init; }

        public decimal? Amount { get; init; }

        public string? Reference { get; init; }
    }

    public async Task<IActionResult> OnGetAsync(string? org, string? month, CancellationToken ct)
    {
        if (!await LoadAsync(org, month, ct)) return NotFound();
        Input = new CollectionInput
        {
            PaidOn = db.Today,
            Lines = Sheet.Rows.Select(r => new LineInput { MemberId = r.MemberId, Amount = r.Outstanding > 0 ? r.Outstanding : null }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? org, string? month, CancellationToken ct)
    {
        if (!await LoadAsync(org, month, ct)) return NotFound();
        ModelState.Clear();
        var request = new RecordBranchPayments.Request
        {
            OrganizationId = Organization.Id,
            Month = Sheet.Month,
            PaidOn = Input.PaidOn,
            Method = Input.Method,
            Lines = Input.Lines.Select(l => new RecordBranchPayments.Line(l.MemberId, l.Amount, l.Reference)).ToList(),
        };
        var result = await RecordBranchPayments.HandleAsync(db, await actors.GetAsync(ct), request, ct);
        if (result.Error is DuesOrganizationNotFound) return NotFound();
        if (!result.IsSuccess)
        {
            result.Error.AddTo(ModelState);
            return Page();
        }
        var receipts = result.Value.Payments.Select(p => p.ReceiptNumber).ToList();
        TempData["Flash"] = $"{receipts.Count} payment(s) recorded, {DuesPages.Money(result.Value.Total)} {Sheet.CurrencyCode} in all; receipts {receipts[0]} to {receipts[^1]}.";
        return Redirect($"/dues/collect?org={Uri.EscapeDataString(Organization.Code)}&month={Months.Format(Sheet.Month)}");
    }

    private async Task<bool> LoadAsync(string? org, string? month, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var organization = await DuesPages.FindAsync(db, actor, org, Permission.DuesRead, ct);
        if (organization is null) return false;
        var parsed = month is null ? Months.Of(db.Today) : Months.Parse(month);
        if (parsed is null) return false;
        var sheet = await DuesQueries.BranchSheetAsync(db, actor, organization.Id, parsed.Value, ct);
        if (!sheet.IsSuccess) return false;
        Organization = organization;
        Sheet = sheet.Value;
        CanManage = await actor.CanAsync(db, Permission.DuesManage, organization.Id, ct);
        return true;
    }
}
