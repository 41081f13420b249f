namespace Cadre.Members;

/// Where a person stands in the party, as the statutes name it. The names are the words a register (or a CSV
/// import) would hold; the numbers are stored, so existing ones never change. The allowed steps between them are
/// in MembershipStateMachine.
public enum MemberStatus
{
    /// Admitted, serving the probation before full membership.
    Candidate = 1,

    /// A full member.
    Member = 2,

    /// Left before Cadre recorded why (registered or imported that way); may be readmitted.
    Former = 3,

    /// Has applied; the primary organization has not decided yet.
    Applicant = 4,

    /// Admitted by the primary organization, waiting for the next higher committee to ratify.
    Admitted = 5,

    /// Suspended by a disciplinary decision, until a date.
    Suspended = 6,

    Expelled = 7,

    Resigned = 8,

    /// Dropped from the rolls (for example for unpaid dues).
    Lapsed = 9,

    Deceased = 10,

    /// Not confirmed at the end of the probation.
    Rejected = 11,
}
