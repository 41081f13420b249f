using Cadre.Accounts;
using Cadre.Common;
using Cadre.Congresses;
using Cadre.Congresses.Apportionment;
using Cadre.Congresses.Motions;
using Cadre.Congresses.Polls;
using Cadre.Data;
using Cadre.Elections.Counting;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Demo;

/// The demo member's regional conference, through the use cases: delegates apportioned among the region's districts by
/// Sainte-Laguë, elected from their members (the demo member first), mandates checked and those confirmed checked in; an
/// election of the regional committee by Scottish STV open for voting; and a motion with an amendment the committee
/// recommends adopting. No random draw.
internal static class DemoCongress
{
    public static async Task SeedAsync(CadreDbContext db, Members.Member demoMember, CancellationToken ct)
    {
        var actor = Actor.System("demo");
        var today = db.Today;
        var region = await db.OrganizationPaths.Where(p => p.DescendantId == demoMember.OrganizationId)
            .Join(db.Organizations, p => p.AncestorId, o => o.Id, (p, o) => new { o.Id, o.Level.Rank, p.Depth })
            .Where(x => x.Rank == 1).Select(x => x.Id).FirstOrDefaultAsync(ct);
        if (region == 0) return;
        var congress = Must(await ConveneCongress.HandleAsync(db, actor, new ConveneCongress.Request
        {
            OrganizationId = region, Kind = CongressKind.Conference, Number = 4, OpensOn = today, ClosesOn = today.AddDays(1), Place = "Regional hall",
            Agenda = "1. Report of the regional committee\n2. Motions\n3. Election of the regional committee", CutOffOn = today.AddDays(-30),
            DelegateSeats = 24, Method = ApportionmentMethod.SainteLague, MinimumSeats = 1,
        }, ct));
        // A tie for the last seat is reported, not decided: the conference then takes one seat more.
        for (var seats = 24; !(await ApportionDelegates.HandleAsync(db, actor, congress, ct)).IsSuccess; seats++)
        {
            var rules = await db.Congresses.SingleAsync(c => c.Id == congress, ct);
            Must(rules.ChangeRules(new CongressRules(rules.CutOffOn, seats + 1, rules.Method, rules.MinimumSeats)));
            await db.SaveChangesAsync(ct);
            if (seats > 40) return;
        }
        var allocations = await db.DelegateAllocations.AsNoTracking().Where(a => a.CongressId == congress).ToListAsync(ct);
        var allocated = allocations.Select(a => a.OrganizationId).ToList();
        var demoDistrict = await db.OrganizationPaths.Where(p => p.DescendantId == demoMember.OrganizationId && allocated.Contains(p.AncestorId))
            .Select(p => p.AncestorId).FirstOrDefaultAsync(ct);
        foreach (var allocation in allocations)
        {
            var numbers = await db.OrganizationPaths.Where(p => p.AncestorId == allocation.OrganizationId)
                .Join(db.Members, p => p.DescendantId, m => m.OrganizationId, (p, m) => m)
                .Where(m => m.Status == Members.MemberStatus.Member && m.Id != demoMember.Id).OrderBy(m => m.Id).Select(m => m.Number)
                .Take(allocation.Seats).ToListAsync(ct);
            if (allocation.OrganizationId == demoDistrict && numbers.Count > 0) numbers[^1] = demoMember.Number;
            foreach (var number in numbers.Distinct())
                Must(await ElectDelegate.HandleAsync(db, actor, congress, new ElectDelegate.Request
                {
                    OrganizationId = allocation.OrganizationId, MemberNumber = number, ElectedAt = "District conference", ElectedOn = today.AddDays(-10),
                }, ct));
        }
        Must(await CheckMandates.HandleAsync(db, actor, congress, ct));
        var confirmed = await db.CongressDelegates.Where(d => d.CongressId == congress && d.Mandate == MandateStatus.Confirmed).Select(d => d.Id).ToListAsync(ct);
        foreach (var id in confirmed) Must(await CheckInDelegate.HandleAsync(db, actor, congress, id, CheckInDelegate.Action.CheckIn, ct));

        var poll = Must(await CreatePoll.HandleAsync(db, actor, congress, new CreatePoll.Request
        {
            Title = "Regional committee", Kind = PollKind.Election, Method = CountMethod.ScottishStv, Seats = 3,
        }, ct));
        foreach (var name in (string[])["Amina Diallo", "Jonas Weber", "Li Wei", "Maria Santos", "Olek Nowak"])
            Must(await NominateCandidate.HandleAsync(db, actor, poll, new NominateCandidate.Request(name), ct));
        Must(await OpenPoll.HandleAsync(db, actor, poll, ct));

        var motion = Must(await SubmitMotion.HandleAsync(db, actor, congress, new SubmitMotion.Request
        {
            Title = "Study circles in every district",
            Text = "The conference resolves:\n1. every district holds a study circle each month;\n2. the circles read the party programme first;\n3. the regional committee reports on them to the next conference.",
            Reason = "Ideological work comes first.", OrganizationId = region,
        }, ct));
        Must(await ProposeAmendment.HandleAsync(db, actor, motion, new ProposeAmendment.Request
        {
            Kind = AmendmentKind.Replace, FromLine = 2, Text = "1. every district and primary organization holds a study circle each month;",
            OrganizationId = demoDistrict == 0 ? region : demoDistrict,
        }, ct));
        Must(await RecommendOnAmendment.HandleAsync(db, actor, motion, 1, new RecommendOnAmendment.Request(Recommendation.Adopt, null,
            "The primaries are where the members are."), ct));
    }

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The demo congress was refused: {result.Error.Message}");
}
