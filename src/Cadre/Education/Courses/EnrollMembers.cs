using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Courses;

/// Enrolls participants: members the officer may read (by id), or a member of another organization by their member
/// number and family name together, as on a sign-up sheet, so no one can find members outside their scope by guessing.
public static class EnrollMembers
{
    public sealed record Request
    {
        public IReadOnlyList<int> MemberIds { get; init; } = [];

        public string? MemberNumber { get; init; }

        public string? FamilyName { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int groupId, Request request, CancellationToken ct)
    {
        var group = await EducationAccess.GroupAsync(db, actor, groupId, ct, enrollments: true);
        if (!group.IsSuccess) return group.Error;
        var members = new List<Member>();
        if (request.MemberIds.Count > 500) return new InvalidField("MemberIds", "At most 500 participants at once.");
        foreach (var id in request.MemberIds.Distinct())
        {
            var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
            if (member is null || !await actor.CanAsync(db, Permission.MembersRead, member.OrganizationId, ct)) return new ParticipantNotFound("MemberIds");
            members.Add(member);
        }
        if (!string.IsNullOrWhiteSpace(request.MemberNumber))
        {
            var number = request.MemberNumber.Trim();
            var family = Text.SearchKey(request.FamilyName);
            var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Number == number && m.Person.FamilyKey == family, ct);
            if (member is null || family.Length == 0) return new ParticipantNotFound("MemberNumber");
            members.Add(member);
        }
        if (members.Count == 0) return new InvalidField("MemberIds", "Choose the members to enroll.");
        foreach (var member in members)
        {
            if (!MembershipStateMachine.IsCurrent(member.Status)) return new ParticipantNotCurrent(member.Number);
            var enrolled = group.Value.Enroll(member.Id, member.Number, db.Today);
            if (!enrolled.IsSuccess) return enrolled.Error;
        }
        var saved = await EducationAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? members.Count : saved.Error;
    }
}
