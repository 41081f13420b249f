using System.Text.Json;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Congresses.Apportionment;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses;

/// Apportions the congress's delegates among the active organizations directly below its organization, by their members
/// in good standing on the cut-off date (full members, and candidates where the rules count them), with the congress's
/// method and minimum. The full working is kept and shown; a tie for the last seat is reported, and nothing is stored
/// until the tie is resolved (by changing the seats or the method).
public static class ApportionDelegates
{
    public sealed record Apportioned(ApportionmentResult Result, IReadOnlyList<OrganizationMembers> Organizations);

    public sealed record OrganizationMembers(int OrganizationId, string Code, string Name, long Members);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Result<Apportioned>> HandleAsync(CadreDbContext db, Actor actor, int congressId, CancellationToken ct)
    {
        var found = await CongressAccess.ManageAsync(db, actor, congressId, ct, allocations: true);
        if (!found.IsSuccess) return found.Error;
        var congress = found.Value;
        var counted = await MembersOnCutOffAsync(db, congress, ct);
        if (counted.Count == 0) return new NoOrganizationsBelow();
        var result = Apportion.Run(new ApportionmentRequest(counted.Select(o => new Unit($"{o.Code} {o.Name}", o.Members)).ToList(),
            congress.DelegateSeats, congress.Method, congress.MinimumSeats));
        if (!result.IsSuccess) return result.Error;
        if (result.Value.Tie is { } tie) return new ApportionmentTied(tie.Seats, tie.Units.Select(u => counted[u].Name).ToList());
        congress.Apportion(counted.Select(o => (o.OrganizationId, o.Members)).ToList(), result.Value, JsonSerializer.Serialize(result.Value, Json), db.Now);
        var saved = await CongressAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? new Apportioned(result.Value, counted) : saved.Error;
    }

    /// The members of each organization directly below on the cut-off date: a member's status on a day is the status before
    /// their first recorded step after it, or their status now when there is none; they count if they had joined by then.
    public static async Task<List<OrganizationMembers>> MembersOnCutOffAsync(CadreDbContext db, Congress congress, CancellationToken ct)
    {
        var below = await db.Organizations.AsNoTracking()
            .Where(o => o.ParentId == congress.OrganizationId && o.Status == Organizations.OrganizationStatus.Active)
            .OrderBy(o => o.Code).Select(o => new { o.Id, o.Code, o.Name }).ToListAsync(ct);
        var cutOff = congress.CutOffOn;
        var counting = congress.CountCandidates ? new[] { MemberStatus.Member, MemberStatus.Candidate } : [MemberStatus.Member];
        var ids = below.Select(o => o.Id).ToList();
        var rows = await db.Members.AsNoTracking()
            .Where(m => m.JoinedOn <= cutOff)
            .Join(db.OrganizationPaths.Where(p => ids.Contains(p.AncestorId)), m => m.OrganizationId, p => p.DescendantId, (m, p) => new
            {
                p.AncestorId,
                Status = db.MembershipEvents.Where(e => e.MemberId == m.Id && e.On > cutOff).OrderBy(e => e.On).ThenBy(e => e.Id)
                    .Select(e => (MemberStatus?)e.StatusBefore).FirstOrDefault() ?? m.Status,
            })
            .Where(r => counting.Contains(r.Status))
            .GroupBy(r => r.AncestorId)
            .Select(g => new { OrganizationId = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.OrganizationId, g => g.Count, ct);
        return below.Select(o => new OrganizationMembers(o.Id, o.Code, o.Name, rows.GetValueOrDefault(o.Id))).ToList();
    }
}

public sealed record ApportionmentTied(int Seats, IReadOnlyList<string> Organizations)
    : ConflictError($"Seat {Seats} is tied between {string.Join(" and ", Organizations)}: change the number of seats or the method, or decide by the statutes' rule and record it.");
