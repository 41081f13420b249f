using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// Edits a member's personal data and membership, and moves them to another primary organization within
/// the editor's subtree. ExpectedVersion guards against overwriting someone else's change.
public static class UpdateMember
{
    public sealed record Request
    {
        [Required]
        public PersonalData Person { get; init; } = new();

        public int? OrganizationId { get; init; }

        public DateOnly JoinedOn { get; init; }

        [EnumDataType(typeof(MemberStatus), ErrorMessage = "The status is not one of the listed values.")]
        /// Optional: when given it must be the current status (the status changes by decisions, not by editing).
        public MemberStatus? Status { get; init; }

        public int? ExpectedVersion { get; init; }
    }

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int memberId, Request request, CancellationToken ct)
    {
        var member = await db.Members.Include(m => m.Person).Include(m => m.Organization).SingleOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null || !await actor.CanAsync(db, Permission.MembersRead, member.OrganizationId, ct)) return new MemberNotFound();
        if (!await actor.CanAsync(db, Permission.MembersManage, member.OrganizationId, ct)) return new MemberNotPermitted();
        if (Validation.Check(request.Person, [.. Validation.Check(request)?.Errors ?? []]) is { } invalid) return invalid;
        if (await RegisterMember.CheckClassifiersAsync(db, request.Person, ct) is { } badList) return badList;
        if (request.ExpectedVersion is { } expected && expected != member.Version) return new ConcurrentChange();
        // Editing corrects data; a change of status is a decision with a date and a history entry (docs/membership.md).
        if (request.Status is { } status && status != member.Status) return new StatusChangesByDecision();

        var today = db.Today;
        var personUpdated = member.Person.Update(request.Person, today);
        if (!personUpdated.IsSuccess) return personUpdated;
        var memberUpdated = member.Update(request.JoinedOn, member.Status, today);
        if (!memberUpdated.IsSuccess) return memberUpdated;

        if (request.OrganizationId is { } organizationId && organizationId != member.OrganizationId)
        {
            var target = await db.Organizations.Include(o => o.Level).SingleOrDefaultAsync(o => o.Id == organizationId, ct);
            if (target is null || !await actor.CanAsync(db, Permission.MembersManage, organizationId, ct))
                return new InvalidField("OrganizationId", "Choose an organization whose members you manage.");
            var moved = member.MoveTo(target, await OrganizationTree.IsPrimaryAsync(db, target, ct));
            if (!moved.IsSuccess) return moved;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConcurrentChange();
        }
        return Done.Value;
    }
}
