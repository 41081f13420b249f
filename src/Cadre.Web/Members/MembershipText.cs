using Cadre.Members;

namespace Cadre.Web.Members;

/// The words the pages use for statuses and steps.
public static class MembershipText
{
    public static string Describe(MembershipEventKind kind) => kind switch
    {
        MembershipEventKind.Apply => "Application",
        MembershipEventKind.Admit => "Admission",
        MembershipEventKind.Ratify => "Ratification of admission",
        MembershipEventKind.Confirm => "Confirmation as full member",
        MembershipEventKind.ExtendProbation => "Probation extended",
        MembershipEventKind.Reject => "Candidate rejected",
        MembershipEventKind.TransferRequested => "Transfer requested",
        MembershipEventKind.Transfer => "Transferred",
        MembershipEventKind.TransferDeclined => "Transfer declined",
        MembershipEventKind.Warn => "Warning",
        MembershipEventKind.WarnSeverely => "Severe warning",
        MembershipEventKind.Suspend => "Suspension",
        MembershipEventKind.Reinstate => "Suspension ended",
        MembershipEventKind.Expel => "Expulsion",
        MembershipEventKind.AppealLodged => "Appeal lodged",
        MembershipEventKind.AppealUpheld => "Appeal rejected, decision upheld",
        MembershipEventKind.Overturn => "Decision overturned on appeal",
        MembershipEventKind.Resign => "Resignation",
        MembershipEventKind.Lapse => "Lapse",
        MembershipEventKind.Die => "Death",
        MembershipEventKind.Readmit => "Readmission",
        _ => kind.ToString(),
    };

    /// The button of a step's form on the member page.
    public static string Action(MembershipEventKind kind) => kind switch
    {
        MembershipEventKind.Admit => "Admit",
        MembershipEventKind.Ratify => "Ratify admission",
        MembershipEventKind.Confirm => "Confirm as full member",
        MembershipEventKind.ExtendProbation => "Extend probation",
        MembershipEventKind.Reject => "Reject candidate",
        MembershipEventKind.Reinstate => "End suspension",
        MembershipEventKind.Resign => "Record resignation",
        MembershipEventKind.Lapse => "Record lapse",
        MembershipEventKind.Die => "Record death",
        MembershipEventKind.Readmit => "Readmit",
        _ => kind.ToString(),
    };

    /// Steps with a form of their own on the member page (the others have dedicated forms or come from appeals).
    public static readonly IReadOnlyList<MembershipEventKind> SimpleSteps =
    [
        MembershipEventKind.Admit, MembershipEventKind.Ratify, MembershipEventKind.Confirm, MembershipEventKind.ExtendProbation,
        MembershipEventKind.Reject, MembershipEventKind.Reinstate, MembershipEventKind.Readmit, MembershipEventKind.Resign,
        MembershipEventKind.Lapse, MembershipEventKind.Die,
    ];

    public static string Describe(SanctionKind kind) => kind switch
    {
        SanctionKind.SevereWarning => "Severe warning",
        _ => kind.ToString(),
    };
}
