using System.Net;
using System.Text.RegularExpressions;
using Cadre.Accounts;

namespace Cadre.Web.Tests;

/// Intent methods for the page tests: several tests share one app per class, so each makes its own tree and users.
public sealed partial class CadreApp
{
    /// The usual small tree with codes that start with prefix, so one app can hold a tree per test.
    public async Task<Tree> CreateTreeAsync(string prefix)
    {
        var centre = await CreateOrganizationAsync($"{prefix}-CC", $"{prefix} Central Committee", 0, null);
        var north = await CreateOrganizationAsync($"{prefix}-N", $"{prefix} North Region", 1, centre);
        var south = await CreateOrganizationAsync($"{prefix}-S", $"{prefix} South Region", 1, centre);
        var northDistrict = await CreateOrganizationAsync($"{prefix}-N-1", $"{prefix} Riverside District", 2, north);
        var southDistrict = await CreateOrganizationAsync($"{prefix}-S-1", $"{prefix} Hillside District", 2, south);
        var northBranch = await CreateOrganizationAsync($"{prefix}-N-1-1", $"{prefix} Dockworkers Branch", 3, northDistrict);
        var southBranch = await CreateOrganizationAsync($"{prefix}-S-1-1", $"{prefix} Farmers Branch", 3, southDistrict);
        return new Tree(centre, north, south, northDistrict, southDistrict, northBranch, southBranch);
    }

    /// A browser-like client of a new user holding one role.
    public async Task<HttpClient> SignedInAsAsync(Role role, int? organizationId, int? personId = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.org".ToLowerInvariant();
        await CreateUserAsync(email, role, organizationId, personId);
        return await SignedInClientAsync(email);
    }

    /// A name of letters only (names are searched by prefix), different on every call.
    public static string UniqueName(string stem) =>
        stem + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));

    public static string? FormValue(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*?value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// The text of the field-error element the form shows beside the named field.
    public static string? FieldError(string html, string name)
    {
        var match = Regex.Match(html, $"<span [^>]*class=\"field-validation-error\" data-valmsg-for=\"{Regex.Escape(name)}\"[^>]*>([^<]*)</span>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }
}
