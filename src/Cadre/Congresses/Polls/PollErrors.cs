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
