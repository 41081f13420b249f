using Cadre.Accounts;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Members;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Dues;

/// The administrator's dues rules: blank rows are ignored, so a band or a category amount is removed by clearing it.
[Requires(Permission.SettingsManage)]
public sealed class RulesModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty]
    public RulesInput Input { get; set; } = new();

    public List<Classifier> Occupations { get; private set; } = [];

    public List<Level> Levels { get; private set; } = [];

    public sealed record RulesInput
    {
        public string CurrencyCode { get; init; } = "EUR";

        public decimal RoundingStep { get; init; } = 0.01m;

        public string? AccountingFrom { get; init; }

        public int LapseAfterMonths { get; init; } = 6;

        public bool AutomaticLapse { get; init; }

        public List<BandInput> Bands { get; init; } = [];

        /// By occupation id; blank means the category pays by income.
        public Dictionary<int, decimal?> Categories { get; init; } = [];

        /// By level id.
        public Dictionary<int, decimal?> Shares { get; init; } = [];
    }

    public sealed record BandInput
    {
        public decimal? FromIncome { get; init; }

        public decimal? Percent { get; init; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        var rules = await DuesRules.LoadAsync(db, ct);
        Input = new RulesInput
        {
            CurrencyCode = rules.Settings.CurrencyCode,
            RoundingStep = rules.Settings.RoundingStep,
            AccountingFrom = rules.Settings.AccountingFrom is { } from ? Months.Format(from) : null,
            LapseAfterMonths = rules.Settings.LapseAfterMonths,
            AutomaticLapse = rules.Settings.AutomaticLapse,
            Bands = rules.Bands.Select(b => new BandInput { FromIncome = b.FromIncome, Percent = b.Percent }).ToList(),
            Categories = rules.CategoryAmounts.ToDictionary(c => c.Key, c => (decimal?)c.Value),
            Shares = rules.Shares.ToDictionary(s => s.LevelId, s => (decimal?)s.Percent),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        ModelState.Clear();
        DateOnly? accountingFrom = null;
        if (!string.IsNullOrWhiteSpace(Input.AccountingFrom))
        {
            accountingFrom = Months.Parse(Input.AccountingFrom);
            if (accountingFrom is null)
            {
                ModelState.AddModelError("Input.AccountingFrom", new NotAMonth("AccountingFrom").Message);
                return Page();
            }
        }
        var bands = Input.Bands.Where(b => b.FromIncome is not null || b.Percent is not null).ToList();
        var request = new ChangeDuesRules.Request
        {
            CurrencyCode = Input.CurrencyCode ?? "",
            RoundingStep = Input.RoundingStep,
            AccountingFrom = accountingFrom,
            LapseAfterMonths = Input.LapseAfterMonths,
            AutomaticLapse = Input.AutomaticLapse,
            Bands = bands.Select(b => new ChangeDuesRules.Band(b.FromIncome ?? 0, b.Percent ?? 0)).ToList(),
            Categories = Input.Categories.Where(c => c.Value is not null).Select(c => new ChangeDuesRules.Category(c.Key, c.Value!.Value)).ToList(),
            Shares = Input.Shares.Where(s => s.Value is > 0).Select(s => new ChangeDuesRules.Share(s.Key, s.Value!.Value)).ToList(),
        };
        var result = await ChangeDuesRules.HandleAsync(db, await actors.GetAsync(ct), request, ct);
        if (!result.IsSuccess)
        {
            result.Error.AddTo(ModelState);
            // Errors on a row of a list are shown at the top with their message; the row is named in it.
            foreach (var key in ModelState.Keys.Where(k => k.Contains('[', StringComparison.Ordinal) || k is "Input.Shares" or "Input.Bands" or "Input.Categories").ToList())
                foreach (var error in ModelState[key]!.Errors) ModelState.AddModelError("", error.ErrorMessage);
            return Page();
        }
        TempData["Flash"] = "The dues rules were saved.";
        return Redirect("/dues/rules");
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Occupations = await MemberQueries.ClassifiersAsync(db, ClassifierKind.Occupation, ct);
        Levels = await OrganizationQueries.LevelsAsync(db, ct);
    }
}
