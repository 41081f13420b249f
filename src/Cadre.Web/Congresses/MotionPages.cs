using Cadre.Congresses.Motions;

namespace Cadre.Web.Congresses;

internal static class MotionPages
{
    public static string Describe(MotionStatus status) => status switch
    {
        MotionStatus.Submitted => "submitted",
        MotionStatus.Withdrawn => "withdrawn",
        MotionStatus.Adopted => "adopted",
        _ => "rejected",
    };

    public static string Describe(AmendmentStatus status, bool modified) => status switch
    {
        AmendmentStatus.Submitted => "to be voted on",
        AmendmentStatus.Withdrawn => "withdrawn",
        AmendmentStatus.Adopted => modified ? "adopted as modified" : "adopted",
        _ => "rejected",
    };

    public static string Describe(Recommendation recommendation) => recommendation switch
    {
        Recommendation.Adopt => "adopt",
        Recommendation.Reject => "reject",
        Recommendation.AdoptModified => "adopt as modified",
        _ => "no recommendation",
    };

    public static string Class(DiffKind kind) => kind switch
    {
        DiffKind.Same => "diff-same",
        DiffKind.Changed => "diff-changed",
        DiffKind.Removed => "diff-removed",
        _ => "diff-added",
    };
}
