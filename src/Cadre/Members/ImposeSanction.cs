using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;

namespace Cadre.Members;

/// A disciplinary decision: warning, severe warning, suspension until a date, or expulsion.
public static class ImposeSanction
{
    public sealed record Request : DecisionRequest
    {
        public SanctionKind Kind { get; init; }

        /// The organization whose body decided: the member's own or one above it; the member's own by default.
        public int? DecidedById { get; init; }

        public DateOnly? SuspendedUntil { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int memberId, Request request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        if (!Enum.IsDefined(request.Kind)) return new InvalidField("Kind", "Choose a warning, a severe warning, a suspension or an expulsion.");
        var found = await MembershipAccess.FindAsync(db, actor, memberId, ct);
        if (!found.IsSuccess) return found.Error;
        var member = found.Value;
        var decidedBy = request.DecidedById ?? member.OrganizationId;
        if (!await OrganizationTree.IsUnderAsync(db, member.OrganizationId, decidedBy, ct)
            || !await actor.CanAsync(db, Permission.MembersManage, decidedBy, ct))
            return new DecidingBodyNotAbove();

        var sanction = member.Sanction(request.Kind, request.For(db, decidedBy), request.SuspendedUntil, db.Today);
        if (!sanction.IsSuccess) return sanction.Error;
        db.Sanctions.Add(sanction.Value);
        var saved = await MembershipAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? sanction.Value.Id : saved.Error;
    }
}
