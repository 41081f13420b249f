using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Health;

/// What a rule compares with its threshold.
public enum WarningMeasure
{
    /// Value over Base of the current month (a share, 0.05 for 5 %).
    Share = 1,

    /// Value of the current month, or summed over the window for a flow.
    Count = 2,

    /// Value summed over the window, over the current members (lapses in a year as a share of the members).
    PerMember = 3,
}

public enum WarningComparison
{
    Above = 1,
    Below = 2,
}

/// A rule that raises a warning at an organization whose indicator crosses the threshold an administrator set.
/// OwnOnly rules look at the organization alone (its secretary's office), the others at its whole subtree.
public sealed class WarningRule : IAudited
{
    public const int NameMaxLength = 200;
    public const int MaxWindowMonths = 36;

    private WarningRule()
    {
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Indicator { get; private set; } = "";

    public WarningMeasure Measure { get; private set; }

    public WarningComparison Comparison { get; private set; }

    public decimal Threshold { get; private set; }

    public int WindowMonths { get; private set; } = 1;

    public bool OwnOnly { get; private set; }

    public bool Enabled { get; private set; } = true;

    public int Version { get; private set; }

    int? IAudited.AuditOrganizationId => null;

    public static Result<WarningRule> Create(string name, string indicator, WarningMeasure measure, WarningComparison comparison, decimal threshold,
        int windowMonths, bool ownOnly, bool enabled)
    {
        var rule = new WarningRule();
        var changed = rule.Change(name, indicator, measure, comparison, threshold, windowMonths, ownOnly, enabled);
        return changed.IsSuccess ? rule : changed.Error;
    }

    public Result<Done> Change(string name, string indicator, WarningMeasure measure, WarningComparison comparison, decimal threshold,
        int windowMonths, bool ownOnly, bool enabled)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength) errors.Add(new InvalidField("Name", $"Give the rule a name of at most {NameMaxLength} characters."));
        var definition = IndicatorCatalogue.Find(indicator);
        if (definition is null) errors.Add(new InvalidField("Indicator", "That is not one of the indicators."));
        if (!Enum.IsDefined(measure)) errors.Add(new InvalidField("Measure", "The measure is a share, a count or a share of the members."));
        else if (measure == WarningMeasure.Share && definition is { Unit: not IndicatorUnit.Share })
            errors.Add(new InvalidField("Measure", "That indicator is a count, not a share: compare its count or its count per member."));
        if (!Enum.IsDefined(comparison)) errors.Add(new InvalidField("Comparison", "The comparison is above or below."));
        if (threshold < 0 || (measure != WarningMeasure.Count && threshold > 1))
            errors.Add(new InvalidField("Threshold", "A share is between 0 and 1 (0.05 for 5 %); a count is at least 0."));
        if (windowMonths < 1 || windowMonths > MaxWindowMonths) errors.Add(new InvalidField("WindowMonths", $"The window is 1 to {MaxWindowMonths} months."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        Name = name.Trim();
        Indicator = indicator;
        Measure = measure;
        Comparison = comparison;
        Threshold = threshold;
        WindowMonths = windowMonths;
        OwnOnly = ownOnly;
        Enabled = enabled;
        Version++;
        return Done.Value;
    }

    public bool Crosses(decimal observed) => Comparison == WarningComparison.Above ? observed > Threshold : observed < Threshold;

    public string Describe() =>
        $"{Name}: {(Measure == WarningMeasure.Count ? "count" : "share")} {(Comparison == WarningComparison.Above ? "above" : "below")} "
        + (Measure == WarningMeasure.Count ? Threshold.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : (Threshold * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " %")
        + (WindowMonths > 1 ? $" over {WindowMonths} months" : "");
}
