using Cadre.Common;

namespace Cadre.Members.Import;

/// One thing wrong with an import file, at a line (1 is the header) and a column (a column name of the file).
public abstract record ImportProblem(int Line, string Column, string Reason)
{
    public string Code => GetType().Name;

    public override string ToString() => $"{Line}:{Column}: {Reason}";
}

public sealed record MissingColumn(string Name) : ImportProblem(1, Name, $"The header has no column \"{Name}\".");

public sealed record UnknownColumn(string Name) : ImportProblem(1, Name, $"\"{Name}\" is not a column of the member import (see docs/import.md).");

public sealed record DuplicateColumn(string Name) : ImportProblem(1, Name, $"The column \"{Name}\" appears twice in the header.");

public sealed record EmptyFile() : ImportProblem(1, "", "The file is empty: the first line must be the header.");

public sealed record BrokenQuote(int At, string Near)
    : ImportProblem(At, Near, "A quote is not closed, or a quoted field has characters after its closing quote.");

public sealed record WrongFieldCount(int At, string Near, int Expected, int Found)
    : ImportProblem(At, Near, $"The row has {Found} field(s); the header has {Expected}.");

public sealed record RequiredValueMissing(int At, string Name) : ImportProblem(At, Name, "A value is required.");

public sealed record InvalidDate(int At, string Name, string Value)
    : ImportProblem(At, Name, $"\"{Value}\" is not a date written yyyy-MM-dd (for example 1980-03-04).");

public sealed record InvalidValue(int At, string Name, string Message) : ImportProblem(At, Name, Message);

public sealed record UnknownListValue(int At, string Name, string Value, string Allowed)
    : ImportProblem(At, Name, $"\"{Value}\" is not one of {Allowed}.");

public sealed record MalformedMemberNumber(int At, string Value)
    : ImportProblem(At, MemberCsv.Number, $"\"{Value}\" is not a member number (digits with a check digit at the end); leave it empty to have one assigned.");

public sealed record UnknownOrganization(int At, string Value)
    : ImportProblem(At, MemberCsv.OrganizationCode, $"There is no organization with the code \"{Value}\".");

public sealed record OrganizationNotUsable(int At, string Value, string Why) : ImportProblem(At, MemberCsv.OrganizationCode, $"\"{Value}\": {Why}");

public sealed record OrganizationOutsideScope(int At, string Value)
    : ImportProblem(At, MemberCsv.OrganizationCode, $"\"{Value}\" is not an organization whose members you manage in this import.");

public sealed record DuplicateNumberInFile(int At, string Value, int FirstLine)
    : ImportProblem(At, MemberCsv.Number, $"The member number {Value} is also on line {FirstLine}.");

public sealed record NumberBelongsToSomeoneElse(int At, string Value, string StoredName)
    : ImportProblem(At, MemberCsv.Number,
        $"The member number {Value} already belongs to {StoredName}; a row matches a stored member only with the same names and date of birth.");

public sealed record NumberOutsideScope(int At, string Value)
    : ImportProblem(At, MemberCsv.Number, $"The member number {Value} belongs to a member of an organization you do not manage.");

/// A stored member's status changes by a recorded decision (admission, confirmation, lapse …), never by a file,
/// so that the membership history stays whole.
public sealed record StatusChangedByImport(int At, MemberStatus Stored, MemberStatus InFile)
    : ImportProblem(At, MemberCsv.Status, $"The member is {Stored.ToString().ToLowerInvariant()}; a status changes by decision on the member's page, not by import (the file says {InFile.ToString().ToLowerInvariant()}).");

public sealed record DuplicateEmailInFile(int At, string Value, int FirstLine)
    : ImportProblem(At, MemberCsv.Email, $"The email address {Value} is also on line {FirstLine}.");

public sealed record EmailBelongsToAnotherMember(int At, string Value, string Number)
    : ImportProblem(At, MemberCsv.Email, $"The email address {Value} already belongs to member {Number}.");

/// The import was refused: the file has bad rows (or a bad header) and skip-invalid was not asked for.
public sealed record ImportRefused(int Problems) : InvalidField("File", Problems == 1
    ? "The file has 1 problem; nothing was imported."
    : $"The file has {Problems} problems; nothing was imported.");

public sealed record ImportNotPermitted() : ForbiddenError("You may not import members.");
