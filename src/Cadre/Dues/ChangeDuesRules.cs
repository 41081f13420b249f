using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Dues;

/// An administrator sets the dues rules: currency, rounding, bands, category amounts, level shares and the lapse settings.
/// The whole rule set is replaced at once, so it is never half old, half new.
public static class ChangeDuesRules
{
    public sealed record Band(decimal FromIncome, decimal Percent);

    public sealed record Category(int OccupationId, decimal MonthlyAmount);

    public sealed record Share(int LevelId, decimal Percent);

    public sealed record Request
    {
        public string CurrencyCode { get; init; } = "EUR";

        public decimal RoundingStep { get; init; } = 0.01m;

        public DateOnly? AccountingFrom { get; init; }

        public int LapseAfterMonths { get; init; } = 6;

        public bool AutomaticLapse { get; init; }

        public IReadOnlyList<Band> Bands { get; init; } = [];

        public IReadOnlyList<Category> Categories { get; init; } = [];

        /// Empty: every organization keeps what it collects.
        public IReadOnlyList<Share> Shares { get; init; } = [];
    }

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (!actor.IsAdministrator && !actor.Has(Permission.SettingsManage)) return new RulesNotPermitted();
        var settings = await db.DuesSettings.SingleOrDefaultAsync(ct);
        var isNew = settings is null;
        settings ??= DuesSettings.Defaults();
        var errors = new List<InvalidField>();
        if (settings.Change(request.CurrencyCode, request.RoundingStep, request.AccountingFrom, request.LapseAfterMonths, request.AutomaticLapse)
            is { IsSuccess: false, Error: ValidationFailed failed })
            errors.AddRange(failed.Errors);

        for (var i = 0; i < request.Bands.Count; i++)
        {
            var band = request.Bands[i];
            if (band.FromIncome < 0) errors.Add(new InvalidField($"Bands[{i}].FromIncome", "A band starts at an income of zero or more."));
            if (band.Percent is < 0 or > 100) errors.Add(new InvalidField($"Bands[{i}].Percent", "A percentage is between 0 and 100."));
        }
        if (request.Bands.Select(b => b.FromIncome).Distinct().Count() != request.Bands.Count)
            errors.Add(new InvalidField("Bands", "Two bands start at the same income."));

        var occupations = await db.Classifiers.Where(c => c.Kind == ClassifierKind.Occupation).Select(c => c.Id).ToListAsync(ct);
        for (var i = 0; i < request.Categories.Count; i++)
        {
            var category = request.Categories[i];
            if (!occupations.Contains(category.OccupationId)) errors.Add(new ClassifierNotFound($"Categories[{i}].OccupationId"));
            if (category.MonthlyAmount < 0) errors.Add(new InvalidField($"Categories[{i}].MonthlyAmount", "A monthly amount cannot be negative."));
        }
        if (request.Categories.Select(c => c.OccupationId).Distinct().Count() != request.Categories.Count)
            errors.Add(new InvalidField("Categories", "A category is listed twice."));

        var levels = await db.Levels.Select(l => l.Id).ToListAsync(ct);
        for (var i = 0; i < request.Shares.Count; i++)
        {
            var share = request.Shares[i];
            if (!levels.Contains(share.LevelId)) errors.Add(new InvalidField($"Shares[{i}].LevelId", "There is no such level."));
            if (share.Percent is < 0 or > 100) errors.Add(new InvalidField($"Shares[{i}].Percent", "A percentage is between 0 and 100."));
        }
        if (request.Shares.Select(s => s.LevelId).Distinct().Count() != request.Shares.Count)
            errors.Add(new InvalidField("Shares", "A level is listed twice."));
        else if (request.Shares.Count > 0 && request.Shares.Sum(s => s.Percent) != 100) errors.Add(new SharesDoNotSumTo100(request.Shares.Sum(s => s.Percent)));
        if (errors.Count > 0) return new ValidationFailed(errors);

        if (isNew) db.DuesSettings.Add(settings);
        db.IncomeBands.RemoveRange(await db.IncomeBands.ToListAsync(ct));
        db.CategoryRates.RemoveRange(await db.CategoryRates.ToListAsync(ct));
        db.LevelShares.RemoveRange(await db.LevelShares.ToListAsync(ct));
        db.IncomeBands.AddRange(request.Bands.Select(b => new IncomeBand { FromIncome = b.FromIncome, Percent = b.Percent }));
        db.CategoryRates.AddRange(request.Categories.Select(c => new CategoryRate { OccupationId = c.OccupationId, MonthlyAmount = c.MonthlyAmount }));
        db.LevelShares.AddRange(request.Shares.Where(s => s.Percent > 0).Select(s => new LevelShare { LevelId = s.LevelId, Percent = s.Percent }));
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
