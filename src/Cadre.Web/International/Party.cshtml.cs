using Cadre.Accounts;
using Cadre.Data;
using Cadre.International;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.International;

[Requires(Permission.InternationalRead)]
public sealed class PartyModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public PartyView? Party { get; private set; }

    public bool KeepsRegistry { get; private set; }

    public PartyWork? Work { get; private set; }

    public bool CanKeep { get; private set; }

    public string? HomeCode { get; private set; }

    public async Task<IActionResult> OnPostRelationAsync(string? org, RelationStatus status, DateOnly? on, string? note, CancellationToken ct) =>
        await RunAsync(org, id => SetRelation.HandleAsync(db, actor!, new SetRelation.Request { OrganizationId = id, PartyId = Id, Status = status, On = on ?? db.Today, Note = note }, ct),
            "The relation is recorded.", ct);

    public async Task<IActionResult> OnPostExchangeAsync(string? org, ExchangeKind kind, MessageKind? messageKind, string? title, DateOnly? on, DateOnly? until,
        string? place, string? summary, string? reference, string? delegates, CancellationToken ct) =>
        await RunAsync(org, id => RecordExchange.HandleAsync(db, actor!, new RecordExchange.Request
        {
            OrganizationId = id, PartyId = Id, Kind = kind, MessageKind = messageKind, Title = title ?? "", On = on ?? default, Until = until, Place = place,
            Summary = summary, Reference = reference, Delegates = ParseDelegates(delegates),
        }, ct), "The exchange is recorded.", ct);

    public async Task<IActionResult> OnPostContactAsync(string? org, string? name, string? position, string? email, string? phone, CancellationToken ct) =>
        await RunAsync(org, id => AddContact.HandleAsync(db, actor!, new AddContact.Request
        {
            OrganizationId = id, PartyId = Id, Name = name ?? "", Position = position, Email = email, Phone = phone,
        }, ct), "The contact is recorded.", ct);

    private Actor? actor;

    /// One delegate a line: "Name, position".
    private static List<DelegateEntry> ParseDelegates(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(',', 2, StringSplitOptions.TrimEntries) is var parts ? new DelegateEntry(parts[0], parts.Length > 1 ? parts[1] : null) : null!)
            .ToList();

    private async Task<IActionResult> RunAsync(string? org, Func<int, Task<Cadre.Common.Result<int>>> action, string done, CancellationToken ct)
    {
        actor = await actors.GetAsync(ct);
        var organization = await InternationalPages.FindAsync(db, actor, org, Permission.InternationalRead, ct);
        if (organization is null) return await FailAsync(new InternationalOrganizationNotFound(), ct);
        var result = await action(organization.Id);
        if (!result.IsSuccess) return await FailAsync(result.Error, ct);
        TempData["Flash"] = done;
        return Redirect($"/international/parties/{Id}");
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    // The use case checks that the user keeps the registry; a reader's post is refused there.
    public async Task<IActionResult> OnPostDescribeAsync(string? family, string? website, string? notes, int version, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var current = await PartyQueries.GetAsync(db, Id, ct);
        if (!current.IsSuccess) return NotFound();
        var p = current.Value;
        var changed = await ChangeParty.HandleAsync(db, actor, Id, new ChangeParty.Request
        {
            Details = new PartyDetails
            {
                CountryCode = p.CountryCode, Name = p.Name, NameEnglish = p.NameEnglish, NameShort = p.NameShort, NameOther = p.NameOther,
                FoundedYear = p.FoundedYear, DissolvedYear = p.DissolvedYear, Wikipedia = p.Wikipedia, Description = p.Description,
            },
            Family = family, Website = website, Notes = notes, ExpectedVersion = version,
        }, ct);
        if (changed.IsSuccess)
        {
            TempData["Flash"] = "The party is saved.";
            return Redirect($"/international/parties/{Id}");
        }
        return await FailAsync(changed.Error, ct);
    }

    private async Task<IActionResult> FailAsync(Cadre.Common.Error error, CancellationToken ct)
    {
        ModelState.Clear();
        var fields = error is Cadre.Common.ValidationFailed v ? v.Errors : error is Cadre.Common.InvalidField f ? [f] : [];
        if (fields.Count == 0) ModelState.AddModelError("", error.Message);
        foreach (var field in fields) ModelState.AddModelError("", field.Message);
        if (!await LoadAsync(ct)) return NotFound();
        Response.StatusCode = Problems.StatusOf(error);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var party = await PartyQueries.GetAsync(db, Id, ct);
        if (!party.IsSuccess) return false;
        Party = party.Value;
        KeepsRegistry = await PartyQueries.KeepsRegistryAsync(db, actor, ct);
        Work = (await RelationQueries.ForPartyAsync(db, actor, Id, ct)).Value;
        CanKeep = actor.Has(Permission.InternationalManage);
        HomeCode = await InternationalPages.HomeCodeAsync(db, actor, Permission.InternationalManage, ct);
        return true;
    }
}
