namespace Cadre.Supporters;

/// The words the pages, the API's summaries and the errors use for the feature's values.
public static class SupporterText
{
    public static string Describe(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.News => "News",
        ConsentPurpose.Events => "Events",
        ConsentPurpose.BranchContact => "Contact by the branch",
        _ => purpose.ToString(),
    };

    public static string Describe(ConsentMethod how) => how switch
    {
        ConsentMethod.WebForm => "web form",
        ConsentMethod.Paper => "on paper",
        ConsentMethod.Verbal => "verbally",
        _ => how.ToString(),
    };

    public static string Describe(SupporterSource source) => source switch
    {
        SupporterSource.Event => "Event",
        SupporterSource.Referral => "Referral",
        SupporterSource.WebForm => "Web form",
        _ => "Other",
    };
}
