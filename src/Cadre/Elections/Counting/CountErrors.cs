using Cadre.Common;

namespace Cadre.Elections.Counting;

/// A problem in a ballot file, at a line (1-based).
public abstract record BallotFileError(int Line, string Problem) : InvalidField("File", $"line {Line}: {Problem}");

public sealed record BltEmpty() : BallotFileError(1, "the file is empty; a BLT file starts with a line 'candidates seats'.");

public sealed record BltBadHeader(int AtLine, string Text)
    : BallotFileError(AtLine, $"'{Text}' is not a header 'candidates seats' (two whole numbers, for example '11 4').");

public sealed record BltNoCandidates(int AtLine) : BallotFileError(AtLine, "the header gives no candidates.");

public sealed record BltNoSeats(int AtLine) : BallotFileError(AtLine, "the header gives no seats to fill.");

public sealed record BltMoreSeatsThanCandidates(int AtLine, int Seats, int Candidates)
    : BallotFileError(AtLine, $"{Seats} seats cannot be filled from {Candidates} candidate(s).");

public sealed record BltUnknownOption(int AtLine, string Option)
    : BallotFileError(AtLine, $"[{Option} …] is not an option this reader knows ([nick …] and [withdrawn …] are).");

public sealed record BltBadNicknames(int AtLine, int Given, int Candidates)
    : BallotFileError(AtLine, $"[nick …] names {Given} candidate(s); the header says {Candidates}.");

public sealed record BltDuplicateNickname(int AtLine, string Nickname)
    : BallotFileError(AtLine, $"the nickname '{Nickname}' is given twice.");

public sealed record BltUnknownCandidate(int AtLine, string Token)
    : BallotFileError(AtLine, $"'{Token}' is neither a candidate number nor a nickname.");

public sealed record BltCandidateOutOfRange(int AtLine, int Number, int Candidates)
    : BallotFileError(AtLine, $"candidate {Number} is out of range: the candidates are numbered 1 to {Candidates}.");

public sealed record BltRepeatedCandidate(int AtLine, string Candidate)
    : BallotFileError(AtLine, $"the ranking names candidate {Candidate} more than once.");

public sealed record BltBadWeight(int AtLine, string Token)
    : BallotFileError(AtLine, $"'{Token}' is not a ballot weight (a whole number of at least 1).");

public sealed record BltBadEqualRanking(int AtLine, string Token)
    : BallotFileError(AtLine, $"'{Token}' is not an equal ranking (candidates joined by '=', as in 2=5).");

public sealed record BltTextAfterEnd(int AtLine)
    : BallotFileError(AtLine, "a preference follows the closing 0 of the ballot.");

public sealed record BltMissingEndOfBallots(int AtLine)
    : BallotFileError(AtLine, "the ballots do not end with a line '0' before the candidates' names.");

public sealed record BltMissingName(int AtLine, int Candidate)
    : BallotFileError(AtLine, $"the name of candidate {Candidate} is missing (one quoted name a line after the ballots).");

public sealed record BltBadNameLine(int AtLine, string Text)
    : BallotFileError(AtLine, $"'{Text}' is not a quoted name, optionally followed by a quoted party.");

public sealed record BltMissingTitle(int AtLine) : BallotFileError(AtLine, "the quoted title of the election is missing after the names.");

public sealed record BltTextAfterTitle(int AtLine, string Text) : BallotFileError(AtLine, $"'{Text}' follows the title; nothing should.");

public sealed record BltBadWithdrawn(int AtLine, string Token)
    : BallotFileError(AtLine, $"'{Token}' does not name a candidate to withdraw.");

/// A count that cannot run as asked.
public sealed record NoSeatsToFill() : InvalidField("Seats", "A count fills at least one seat.");

public sealed record SeatsExceedCandidates(int Seats, int Candidates)
    : InvalidField("Seats", $"{Seats} seat(s) cannot be filled from {Candidates} candidate(s) standing.");

public sealed record MethodFillsOneSeat(string Method) : InvalidField("Seats", $"{Method} fills one seat; ask for --seats 1 or use STV.");

public sealed record NoValidBallots() : InvalidField("File", "There is no valid ballot to count.");
