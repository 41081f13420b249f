using Cadre.Common;

namespace Cadre.Congresses.Polls;

public sealed record PollNotFound() : NotFoundError("There is no such poll among those you may see.");

public sealed record NotAnElection() : ConflictError("Only an election has candidates.");

public sealed record NominationsClosed() : ConflictError("Nominations are closed: the poll has opened.");

public sealed record AlreadyNominated(string Name) : ConflictError($"{Name} is already nominated.");

public sealed record CandidateNotFound() : NotFoundError("The poll has no such candidate.");

public sealed record PollAlreadyOpened() : ConflictError("The poll has already been opened.");

public sealed record TooFewCandidates(int Candidates, int Seats) : ConflictError($"{Candidates} candidate(s) for {Seats} seat(s): nominate more before opening.");

public sealed record PollNotOpen() : ConflictError("The poll is not open: no ballot is taken before it opens or after it closes.");

public sealed record PollNotClosed() : ConflictError("The poll has not been closed yet.");

public sealed record AlreadyVoted() : ConflictError("You have already cast your ballot in this poll.");

public sealed record NotEntitledToVote(string Why) : ForbiddenError($"You are not entitled to vote in this poll: {Why}");

public sealed record BallotCandidateNotFound(int Position) : InvalidField("Ranking", $"There is no standing candidate {Position} on this ballot.");

public sealed record BallotRepeatsCandidate(string Name) : InvalidField("Ranking", $"The ballot ranks {Name} more than once.");

public sealed record ResultNotPublished() : NotFoundError("The result of this poll has not been published.");

public sealed record ReceiptNotFound() : NotFoundError("No counted ballot has that receipt code.");

public sealed record PaperOnlyPoll() : ConflictError("This poll is voted on paper: the tellers enter its count; no ballot is cast here.");

public sealed record PaperAlreadyEntered() : ConflictError("The paper count of this poll has already been entered; it is entered once.");

public sealed record PaperBeforeOpening() : ConflictError("The poll has not been opened: paper is counted after the vote.");

public sealed record PollStillTakingBallots()
    : ConflictError("The poll still takes electronic ballots: close it first, so no delegate can vote both on paper and here.");

public sealed record ResultAlreadyPublished() : ConflictError("The result is published: nothing more can be added to it.");

public sealed record PaperTotalsAreForQuestions() : ConflictError("Paper totals are for a question; an election takes its paper ballots as a BLT file.");

public sealed record PaperBallotsAreForElections() : ConflictError("Ranked paper ballots are for an election; a question takes paper totals.");

public sealed record PaperCountMissing() : ConflictError("This poll is voted on paper: enter the tellers' count before publishing.");

public sealed record MorePaperThanPresent(long Paper, long Electronic, long Present)
    : InvalidField("Paper", $"{Paper} paper vote(s) and {Electronic} electronic vote(s) make more than the {Present} present at the close: someone would be counted twice.");
