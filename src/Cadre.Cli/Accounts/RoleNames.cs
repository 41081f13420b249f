using System.Text;
using Cadre.Accounts;

namespace Cadre.Cli.Accounts;

/// Role names as typed on a command line: any case, with or without hyphens (control-commission, ControlCommission).
internal static class RoleNames
{
    public static IEnumerable<string> All => Enum.GetValues<Role>().Select(Kebab);

    public static Role? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var squeezed = text.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        // Names only: Enum.TryParse would also take "3" or "1,2".
        return Enum.GetValues<Role>().Cast<Role?>().FirstOrDefault(r => r.ToString()!.Equals(squeezed, StringComparison.OrdinalIgnoreCase));
    }

    public static string Kebab(Role role)
    {
        var builder = new StringBuilder();
        foreach (var c in role.ToString())
        {
            if (char.IsUpper(c) && builder.Length > 0) builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
