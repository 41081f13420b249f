using System.Globalization;
using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Meetings;

/// A decision taken at a meeting, numbered per organization and year ("2026/14"), with its vote, the agenda item it
/// answers and, when it implements one, the directive (a directive assigned to the organization: decision 0031).
public sealed class Decision : IAudited
{
    public const int TextMaxLength = 20_000;

    private Decision()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public int MeetingId { get; private set; }

    public int? AgendaItemId { get; private set; }

    public int Year { get; private set; }

    /// The decision's place in its organization's year: 14 in "2026/14".
    public int Sequence { get; private set; }

    public string Number { get; private set; } = "";

    public string Text { get; private set; } = "";

    public int VotesFor { get; private set; }

    public int VotesAgainst { get; private set; }

    public int Abstaining { get; private set; }

    /// Whether the meeting adopted it; a motion put to the vote and lost is recorded too, as not adopted.
    public bool Adopted { get; private set; }

    public int? DirectiveId { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static string Format(int year, int sequence) => string.Create(CultureInfo.InvariantCulture, $"{year}/{sequence}");

    /// Checks the vote against the meeting: adopted needs the quorum and more votes for than against; no more votes
    /// than voters present. The number is given by the use case (a counter per organization and year).
    public static Result<Decision> Take(Meeting meeting, Quorum quorum, AgendaItem? item, string text, int votesFor, int votesAgainst, int abstaining,
        bool adopted, int? directiveId, DateTime now)
    {
        if (meeting.IsCancelled) return new MeetingCancelled();
        if (!meeting.HasBegun(now)) return new MeetingNotYetBegun(meeting.StartsAt);
        if (meeting.MinutesApprovedAtId is not null) return new MinutesAlreadyApproved();
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(text)) errors.Add(new InvalidField("Text", "The decision's text is required."));
        else if (text.Trim().Length > TextMaxLength) errors.Add(new InvalidField("Text", $"The text has at most {TextMaxLength:N0} characters."));
        if (votesFor < 0) errors.Add(new InvalidField("VotesFor", "A number of votes is zero or more."));
        if (votesAgainst < 0) errors.Add(new InvalidField("VotesAgainst", "A number of votes is zero or more."));
        if (abstaining < 0) errors.Add(new InvalidField("Abstaining", "A number of votes is zero or more."));
        if (directiveId is <= 0) errors.Add(new InvalidField("DirectiveId", "There is no such directive."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        if ((long)votesFor + votesAgainst + abstaining > quorum.Present) return new MoreVotesThanVoters(votesFor + votesAgainst + abstaining, quorum.Present);
        if (adopted && !quorum.Reached) return new QuorumNotReached(quorum.Present, quorum.Required);
        if (adopted && votesFor <= votesAgainst) return new VoteDoesNotCarry(votesFor, votesAgainst);
        return new Decision
        {
            OrganizationId = meeting.OrganizationId, MeetingId = meeting.Id, AgendaItemId = item?.Id, Year = meeting.StartsAt.Year, Text = text.Trim(),
            VotesFor = votesFor, VotesAgainst = votesAgainst, Abstaining = abstaining, Adopted = adopted, DirectiveId = directiveId,
        };
    }

    internal void Numbered(int sequence)
    {
        Sequence = sequence;
        Number = Format(Year, sequence);
    }
}
