using Cadre.Accounts;
using Cadre.Common;
using Cadre.Congresses;
using Cadre.Congresses.Polls;
using Cadre.Data;
using Cadre.Elections.Counting;
using Cadre.Elections.Majorities;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Congresses;

/// One congress: apportionment with its working, delegates, mandates, check-in, live presence and the polls.
[Requires(Permission.CongressVote)]
public sealed class CongressModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public CongressDetail? Congress { get; private set; }

    public IReadOnlyList<DelegateRow> Delegates { get; private set; } = [];

    public IReadOnlyList<PollSummary> Polls { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApportionAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, (await ApportionDelegates.HandleAsync(db, await actors.GetAsync(ct), id, ct)).Error, "The delegates are apportioned.", ct);

    public async Task<IActionResult> OnPostDelegateAsync(int id, string? organizationCode, string? memberNumber, bool alternate, string? electedAt,
        DateOnly? electedOn, int? voteWeight, CancellationToken ct)
    {
        var code = Organization.NormalizeCode(organizationCode ?? "");
        var organization = await db.Organizations.Where(o => o.Code == code).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
        var result = await ElectDelegate.HandleAsync(db, await actors.GetAsync(ct), id, new ElectDelegate.Request
        {
            OrganizationId = organization ?? 0, MemberNumber = memberNumber ?? "", Alternate = alternate, ElectedAt = electedAt ?? "",
            ElectedOn = electedOn ?? db.Today, VoteWeight = voteWeight ?? 1,
        }, ct);
        return await AfterAsync(id, result.Error, alternate ? "The alternate is recorded." : "The delegate is recorded.", ct);
    }

    public async Task<IActionResult> OnPostMandatesAsync(int id, CancellationToken ct)
    {
        var result = await CheckMandates.HandleAsync(db, await actors.GetAsync(ct), id, ct);
        return await AfterAsync(id, result.Error, result.IsSuccess ? $"Mandates checked: {result.Value.Confirmed} confirmed, {result.Value.Refused} refused." : "", ct);
    }

    public async Task<IActionResult> OnPostCheckInAsync(int id, int delegateId, CancellationToken ct) =>
        await AfterAsync(id, (await CheckInDelegate.HandleAsync(db, await actors.GetAsync(ct), id, delegateId, CheckInDelegate.Action.CheckIn, ct)).Error,
            "The delegate is checked in.", ct);

    public async Task<IActionResult> OnPostCheckOutAsync(int id, int delegateId, CancellationToken ct) =>
        await AfterAsync(id, (await CheckInDelegate.HandleAsync(db, await actors.GetAsync(ct), id, delegateId, CheckInDelegate.Action.CheckOut, ct)).Error,
            "The delegate has left the hall.", ct);

    public async Task<IActionResult> OnPostPollAsync(int id, string? title, PollKind kind, CountMethod? method, MajorityKind? majority, MajorityBase? majorityBase,
        int? seats, bool named, bool paperOnly, CancellationToken ct)
    {
        var result = await CreatePoll.HandleAsync(db, await actors.GetAsync(ct), id, new CreatePoll.Request
        {
            Title = title ?? "", Kind = kind, Method = method, Majority = majority, MajorityBase = majorityBase, Seats = seats ?? 1, Secret = !named,
            PaperOnly = paperOnly,
        }, ct);
        if (result.IsSuccess) return Redirect($"/polls/{result.Value}");
        return await AfterAsync(id, result.Error, "", ct);
    }

    private async Task<IActionResult> AfterAsync(int id, Error? error, string flash, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Flash"] = flash;
            return Redirect($"/congresses/{id}");
        }
        if (CongressPages.Refuse(error) is { } refused) return refused;
        CongressPages.Show(this, error);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var polls = await PollQueries.ListAsync(db, actor, id, ct);
        if (!polls.IsSuccess) return false;
        Polls = polls.Value;
        var congress = await CongressQueries.GetAsync(db, actor, id, ct);
        if (congress.IsSuccess)
        {
            Congress = congress.Value;
            Delegates = (await CongressQueries.DelegatesAsync(db, actor, id, ct)).Value;
        }
        ViewData["CongressId"] = id;
        return true;
    }
}

/// The live presence box, polled by the congress page.
[Requires(Permission.CongressesRead)]
public sealed class PresenceModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public Presence Presence { get; private set; } = null!;

    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var presence = await CongressQueries.PresenceAsync(db, await actors.GetAsync(ct), id, ct);
        if (!presence.IsSuccess) return NotFound();
        Presence = presence.Value;
        Id = id;
        return Page();
    }
}
