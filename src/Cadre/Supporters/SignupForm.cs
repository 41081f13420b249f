using System.Security.Cryptography;
using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Supporters;

/// A public sign-up form an organization publishes (for an event, for its news): anyone with its address may sign up,
/// giving the consent it asks for. The address is the title's words and a random part, so it cannot be guessed (decision 0064).
public sealed class SignupForm : IAudited
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int SlugMaxLength = 80;

    private SignupForm()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public string Slug { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Text { get; private set; } = "";

    public ConsentPurpose Purpose { get; private set; }

    public bool IsOpen { get; private set; }

    public DateOnly PublishedOn { get; private set; }

    public int Version { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<SignupForm> Publish(int organizationId, string title, string text, ConsentPurpose purpose, DateOnly today)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new InvalidField("Title", "The title is required."));
        else if (title.Trim().Length > TitleMaxLength) errors.Add(new InvalidField("Title", $"The title has at most {TitleMaxLength} characters."));
        if ((text ?? "").Length > TextMaxLength) errors.Add(new InvalidField("Text", $"The text has at most {TextMaxLength:N0} characters."));
        if (!Enum.IsDefined(purpose)) errors.Add(new InvalidField("Purpose", "The purpose is news, events or contact by the branch."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        return new SignupForm
        {
            OrganizationId = organizationId, Title = title.Trim(), Text = (text ?? "").Trim(), Purpose = purpose, IsOpen = true, PublishedOn = today,
            Slug = NewSlug(title), Version = 1,
        };
    }

    public Result<Done> SetOpen(bool open)
    {
        if (IsOpen == open) return new SignupFormAlreadyAt(open);
        IsOpen = open;
        Version++;
        return Done.Value;
    }

    /// "Join us on May Day" becomes "join-us-on-may-day-" and 12 random letters and digits (60 bits).
    public static string NewSlug(string title)
    {
        var words = new string(Common.Text.SearchKey(title).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        var readable = string.Join('-', words.Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (readable.Length > 40) readable = readable[..40].TrimEnd('-');
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        var random = new string(Enumerable.Range(0, 12).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
        return readable.Length == 0 ? random : $"{readable}-{random}";
    }
}
