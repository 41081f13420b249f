using System.Text.Json;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Directives;

/// The receiving organizations a directive names, checked against the issuer's subtree: chosen levels must lie below the
/// issuer's, chosen organizations must be active and below it (anything else is refused, not silently dropped).
internal static class DirectiveTargets
{
    public sealed record Checked(IReadOnlyList<int>? LevelIds, IReadOnlyList<int>? OrganizationIds);

    public static async Task<Result<Checked>> CheckAsync(CadreDbContext db, int issuerId, DirectiveTarget target, IReadOnlyList<int>? levelIds,
        IReadOnlyList<int>? organizationIds, CancellationToken ct)
    {
        switch (target)
        {
            case DirectiveTarget.Subtree:
                return new Checked(null, null);
            case DirectiveTarget.Levels:
            {
                var ids = (levelIds ?? []).Distinct().ToList();
                if (ids.Count == 0) return new TargetLevelsRequired();
                var issuerRank = await db.Organizations.Where(o => o.Id == issuerId).Select(o => o.Level.Rank).SingleAsync(ct);
                var levels = await db.Levels.AsNoTracking().Where(l => ids.Contains(l.Id)).ToListAsync(ct);
                if (levels.Count != ids.Count) return new InvalidField("LevelIds", "There is no such level.");
                if (levels.FirstOrDefault(l => l.Rank <= issuerRank) is { } above) return new TargetLevelNotBelow(above.Name);
                return new Checked(ids, null);
            }
            case DirectiveTarget.Organizations:
            {
                var ids = (organizationIds ?? []).Distinct().ToList();
                if (ids.Count == 0) return new TargetOrganizationsRequired();
                if (ids.Count > Directive.MaxChosenOrganizations) return new TooManyTargets(Directive.MaxChosenOrganizations);
                var below = await (from p in db.OrganizationPaths
                                   join o in db.Organizations on p.DescendantId equals o.Id
                                   where p.AncestorId == issuerId && p.Depth > 0 && o.Status == OrganizationStatus.Active && ids.Contains(o.Id)
                                   select o.Id).CountAsync(ct);
                if (below != ids.Count) return new TargetOutsideSubtree(ids.Count - below);
                return new Checked(null, ids);
            }
            default:
                return new InvalidField("Target", "The whole subtree, chosen levels or chosen organizations.");
        }
    }

    /// The assignments made in bulk are summarised in one audit entry (as the member import's are, decision 0011); every later
    /// change to one of them has its own entry.
    public static void Audit(CadreDbContext db, Directive directive, int assigned, int repointed)
    {
        var actor = db.CurrentActor.Actor;
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.Now,
            UserId = actor.UserId,
            UserName = actor.Name,
            EntityType = "DirectiveAssignments",
            EntityId = directive.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = AuditAction.Created,
            OrganizationId = directive.IssuerOrganizationId,
            After = JsonSerializer.Serialize(new { Directive = directive.Id, Chain = directive.ChainId, Assigned = assigned, PassedOnTo = repointed }),
        });
    }
}
