using System.Text.Json;
using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Audit;

[Requires(Permission.AuditRead)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "entityType")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "entityId")]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public string? NextPageUrl { get; private set; }

    public sealed record Change(string Field, string? Before, string? After);

    public sealed record Entry(AuditRow Row, string? Link, IReadOnlyList<Change> Changes);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (EntityType is not null && !AuditQueries.EntityTypes.Contains(EntityType))
            ModelState.AddModelError("entityType", "Choose one of the listed kinds.");
        if (EntityId?.Length > 64) ModelState.AddModelError("entityId", "An entity id has at most 64 characters.");
        if (UserName?.Length > 256) ModelState.AddModelError("user", "A user name has at most 256 characters.");
        // The trail starts with the installation; far-off dates are typing errors (and 9999-12-31 has no next day).
        if (From is { Year: < 1900 or > 2999 }) ModelState.AddModelError("from", "Give a date between 1900 and 2999.");
        if (To is { Year: < 1900 or > 2999 }) ModelState.AddModelError("to", "Give a date between 1900 and 2999.");
        if (From is { } f && To is { } t && t < f) ModelState.AddModelError("to", "The end date is before the start date.");
        // A value that could not be read (a malformed date) is already in ModelState: show it, list nothing.
        if (!ModelState.IsValid) return Page();

        var filter = new AuditFilter(EntityType, EntityId?.Trim(), UserName, From, To, Cursor);
        var page = await AuditQueries.ListAsync(db, await actors.GetAsync(ct), filter, ct);
        if (!page.IsSuccess)
        {
            if (page.Error is ForbiddenError) return Forbid();
            ModelState.AddModelError("", page.Error.Message);
            return Page();
        }
        // Personal data is audited on the person; link those rows to the person's member page.
        var personIds = page.Value.Items.Where(r => r.EntityType == "Person")
            .Select(r => int.TryParse(r.EntityId, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
        var memberOfPerson = personIds.Count == 0 ? [] : await db.Members.AsNoTracking().Where(m => personIds.Contains(m.PersonId))
            .ToDictionaryAsync(m => m.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture), m => m.Id, ct);
        Entries = page.Value.Items.Select(r => new Entry(r, LinkOf(r, memberOfPerson), Diff(r.Before, r.After))).ToList();
        if (page.Value.Next is { } next)
        {
            var query = new Dictionary<string, string?>
            {
                ["entityType"] = EntityType, ["entityId"] = EntityId, ["user"] = UserName,
                ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["cursor"] = next,
            };
            NextPageUrl = QueryHelpers.AddQueryString("/audit", query.Where(q => !string.IsNullOrEmpty(q.Value)));
        }
        return Page();
    }

    private static string? LinkOf(AuditRow row, Dictionary<string, int> memberOfPerson) => row.EntityType switch
    {
        "Member" => $"/members/{row.EntityId}",
        "Person" when memberOfPerson.TryGetValue(row.EntityId, out var memberId) => $"/members/{memberId}",
        "Organization" => $"/organizations/{row.EntityId}",
        _ => null,
    };

    /// The changed fields, before → after. The trail stores JSON objects; anything else is shown as it is.
    public static IReadOnlyList<Change> Diff(string? before, string? after)
    {
        var old = Parse(before);
        var @new = Parse(after);
        // A creation or deletion lists only the fields that held a value.
        return old.Keys.Union(@new.Keys).Order(StringComparer.Ordinal)
            .Select(k => new Change(k, old.GetValueOrDefault(k), @new.GetValueOrDefault(k)))
            .Where(c => c.Before is not null || c.After is not null)
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return new() { [""] = json };
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            });
        }
        catch (JsonException)
        {
            return new() { [""] = json };
        }
    }
}
