using System.Text;

namespace Cadre.Common;

/// One page of a keyset-paginated list; Next is an opaque cursor, null on the last page.
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? Next);

public static class Cursor
{
    public static string Encode(string key, long id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}\u0001{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (string Key, long Id)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 2000) return null;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var separator = text.LastIndexOf('\u0001');
            if (separator < 0 || !long.TryParse(text.AsSpan(separator + 1), out var id)) return null;
            return (text[..separator], id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public sealed record InvalidCursor() : InvalidField("cursor", "The cursor is not one this server handed out.");
