using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Directives;

/// Who receives a directive within the issuer's subtree.
public enum DirectiveTarget
{
    /// Every active organization below the issuer.
    Subtree = 1,

    /// Every active organization of the chosen levels below the issuer.
    Levels = 2,

    /// The chosen organizations, each below the issuer.
    Organizations = 3,
}

/// An instruction issued by (a body of) an organization to organizations below it. A directive passed on by an
/// intermediate organization is a directive of its own (its instructions, an earlier due date) in the same chain:
/// RootDirectiveId names the first directive, whose report form and "report required" the whole chain shares.
public sealed class Directive : IAudited
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 100_000;
    public const int MaxFigures = 5;
    public const int FigureNameMaxLength = 100;
    public const int ReportFormMaxLength = 4000;
    public const int MaxChosenOrganizations = 5000;

    private readonly List<DirectiveFigure> figures = [];

    private Directive()
    {
    }

    public int Id { get; private set; }

    public int IssuerOrganizationId { get; private set; }

    public int? IssuerBodyId { get; private set; }

    /// The directive this one passes on, null for the first of a chain.
    public int? ParentDirectiveId { get; private set; }

    /// The first directive of the chain, null when this is it.
    public int? RootDirectiveId { get; private set; }

    /// The assignment of the intermediate organization that passed it on.
    public long? SourceAssignmentId { get; private set; }

    public string Title { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateOnly IssuedOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public bool ReportRequired { get; private set; }

    /// What the report should say, beside the figures (Markdown).
    public string? ReportForm { get; private set; }

    public DirectiveTarget Target { get; private set; }

    /// The chosen levels (ids, comma-separated) when Target is Levels, for the record.
    public string? TargetLevelIds { get; private set; }

    public int Version { get; private set; }

    /// The named figures a report gives (e.g. "members reached"); only the first directive of a chain has them.
    public IReadOnlyList<DirectiveFigure> Figures => figures;

    public int ChainId => RootDirectiveId ?? Id;

    int? IAudited.AuditOrganizationId => IssuerOrganizationId;

    public static Result<Directive> Issue(int issuerOrganizationId, int? issuerBodyId, string? title, string? text, DateOnly issuedOn, DateOnly dueOn,
        bool reportRequired, string? reportForm, IReadOnlyList<string>? figureNames, DirectiveTarget target, IReadOnlyList<int>? levelIds, DateOnly today)
    {
        var errors = Check(title, text, issuedOn, dueOn, target, today);
        if (reportForm?.Length > ReportFormMaxLength) errors.Add(new InvalidField("ReportForm", $"The report form has at most {ReportFormMaxLength} characters."));
        var names = (figureNames ?? []).Select(n => n?.Trim() ?? "").ToList();
        if (names.Count > MaxFigures) errors.Add(new InvalidField("Figures", $"A report form has at most {MaxFigures} figures."));
        if (names.Any(n => n.Length == 0)) errors.Add(new InvalidField("Figures", "Every figure needs a name."));
        if (names.Any(n => n.Length > FigureNameMaxLength)) errors.Add(new InvalidField("Figures", $"A figure's name has at most {FigureNameMaxLength} characters."));
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count) errors.Add(new InvalidField("Figures", "Two figures have the same name."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        var directive = new Directive
        {
            IssuerOrganizationId = issuerOrganizationId, IssuerBodyId = issuerBodyId, Title = title!.Trim(), Text = text!.Trim(), IssuedOn = issuedOn,
            DueOn = dueOn, ReportRequired = reportRequired, ReportForm = string.IsNullOrWhiteSpace(reportForm) ? null : reportForm.Trim(), Target = target,
            TargetLevelIds = target == DirectiveTarget.Levels ? string.Join(",", levelIds ?? []) : null,
        };
        for (var i = 0; i < names.Count; i++) directive.figures.Add(new DirectiveFigure(i + 1, names[i]));
        return directive;
    }

    /// An intermediate organization passes the directive it was assigned on to its own subtree: its own instructions, a due date
    /// no later than its own.
    public static Result<Directive> PassOn(Directive parent, Assignment from, int? issuerBodyId, string? title, string? text, DateOnly dueOn,
        DirectiveTarget target, IReadOnlyList<int>? levelIds, DateOnly today)
    {
        var errors = Check(string.IsNullOrWhiteSpace(title) ? parent.Title : title, text, today, dueOn, target, today);
        if (dueOn > from.DueOn) errors.Add(new PassOnDueAfterOwn(from.DueOn));
        if (errors.Count > 0) return new ValidationFailed(errors);
        return new Directive
        {
            IssuerOrganizationId = from.OrganizationId, IssuerBodyId = issuerBodyId, ParentDirectiveId = parent.Id, RootDirectiveId = parent.ChainId,
            SourceAssignmentId = from.Id, Title = string.IsNullOrWhiteSpace(title) ? parent.Title : title.Trim(), Text = text!.Trim(), IssuedOn = today,
            DueOn = dueOn, ReportRequired = parent.ReportRequired, Target = target,
            TargetLevelIds = target == DirectiveTarget.Levels ? string.Join(",", levelIds ?? []) : null,
        };
    }

    private static List<InvalidField> Check(string? title, string? text, DateOnly issuedOn, DateOnly dueOn, DirectiveTarget target, DateOnly today)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new InvalidField("Title", "The title is required."));
        else if (title.Trim().Length > TitleMaxLength) errors.Add(new InvalidField("Title", $"The title has at most {TitleMaxLength} characters."));
        if (string.IsNullOrWhiteSpace(text)) errors.Add(new InvalidField("Text", "The text is required."));
        else if (text.Length > TextMaxLength) errors.Add(new InvalidField("Text", $"The text has at most {TextMaxLength:N0} characters."));
        if (issuedOn > today) errors.Add(new InvalidField("IssuedOn", "A directive cannot be issued on a future date."));
        if (dueOn < issuedOn) errors.Add(new DueBeforeIssue());
        if (!Enum.IsDefined(target)) errors.Add(new InvalidField("Target", "The whole subtree, chosen levels or chosen organizations."));
        return errors;
    }
}

/// One named figure of a directive's report form; reports give it in the assignment's column of the same number.
public sealed class DirectiveFigure : IAudited
{
    private DirectiveFigure()
    {
    }

    internal DirectiveFigure(int number, string name)
    {
        Number = number;
        Name = name;
    }

    public int Id { get; private set; }

    public int DirectiveId { get; private set; }

    public int Number { get; private set; }

    public string Name { get; private set; } = "";

    int? IAudited.AuditOrganizationId => null;
}
