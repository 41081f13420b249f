namespace Cadre.Members;

public enum MemberStatus
{
    Candidate = 1,
    Member = 2,
    Former = 3,
}
