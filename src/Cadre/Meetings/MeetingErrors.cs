using Cadre.Common;

namespace Cadre.Meetings;

public sealed record MeetingNotFound() : NotFoundError("There is no such meeting among those you may see.");

public sealed record MeetingKindNotFound() : InvalidField("KindId", "There is no such kind of meeting.");

public sealed record MeetingOrganizationNotFound() : InvalidField("OrganizationId", "There is no such organization among those whose meetings you keep.");

public sealed record MeetingScopeNotFound() : NotFoundError("There is no such organization among those whose meetings you read.");

public sealed record MeetingBodyNotFound() : InvalidField("BodyId", "That body is not a body of the organization.");

public sealed record MeetingOrganizationNotActive() : InvalidField("OrganizationId", "The organization is dissolved or merged: it holds no more meetings.");

public sealed record MeetingsNotPermitted() : ForbiddenError("You may read the meetings of this organization, not keep them.");

public sealed record MeetingKindsNotPermitted() : ForbiddenError("Only an administrator changes the kinds of meeting.");

public sealed record MeetingKindNameTaken(string Name) : InvalidField("Name", $"There is already a kind of meeting called {Name}.");

public sealed record DirectiveNotAssigned(int DirectiveId)
    : InvalidField("DirectiveId", $"Directive {DirectiveId} was not assigned to this organization: a decision implements a directive it received.");

public sealed record MeetingCancelled() : ConflictError("The meeting is cancelled.");

public sealed record MeetingAlreadyHeld() : ConflictError("The meeting has begun: it can no longer be cancelled.");

public sealed record MeetingNotYetBegun(DateTime StartsAt)
    : ConflictError($"The meeting starts at {StartsAt:yyyy-MM-dd HH:mm} UTC: attendance, minutes and decisions are recorded once it has begun.");

public sealed record NotOnTheRoll(int AttendeeId) : InvalidField("AttendeeId", $"Attendee {AttendeeId} is neither entitled to this meeting nor invited to it.");

public sealed record AlreadyOnTheRoll(string Name) : ConflictError($"{Name} is already on the roll of this meeting.");

public sealed record GuestPersonNotFound() : InvalidField("PersonId", "There is no such person.");

public sealed record MinutesAlreadyApproved() : ConflictError("The minutes of this meeting have been approved: its record is closed.");

public sealed record NoMinutesToApprove() : ConflictError("The meeting has no minutes to approve yet.");

public sealed record ApprovalNotAtALaterMeeting()
    : InvalidField("MeetingId", "Minutes are approved at a later meeting of the same organization and body.");

public sealed record QuorumNotReached(int Present, int Required)
    : ConflictError($"The meeting has no quorum ({Present} present, {Required} needed): it cannot adopt a decision.");

public sealed record VoteDoesNotCarry(int For, int Against)
    : InvalidField("Adopted", $"{For} for and {Against} against: the motion is not adopted.");

public sealed record MoreVotesThanVoters(int Votes, int Voters)
    : InvalidField("VotesFor", $"{Votes} votes counted but only {Voters} full member(s) present.");

public sealed record AgendaItemNotFound() : InvalidField("AgendaItemId", "That item is not on this meeting's agenda.");

public sealed record CalendarTokenNotFound() : NotFoundError("There is no such calendar, or its address was revoked.");

public sealed record CalendarNotPermitted() : ForbiddenError("That calendar address is not yours.");

public sealed record NoMemberRecord() : NotFoundError("Your account is not linked to a member: there are no meetings of your own.");

public sealed record NoMemberCalendar() : ConflictError("Your account is not linked to a member: there is no calendar of your own meetings.");
