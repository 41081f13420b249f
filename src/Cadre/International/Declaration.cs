using Cadre.Audit;
using Cadre.Common;

namespace Cadre.International;

/// A joint declaration: adopted on a date at a place, its text in several languages (each with its versions), signed by
/// parties on the day and by later adherents, and left by those who withdraw.
public sealed class Declaration : IAudited
{
    public const int TitleMaxLength = 300;
    public const int PlaceMaxLength = 200;
    public const int LanguageMaxLength = 16;
    public const int TextMaxLength = 200_000;
    public const int NoteMaxLength = 2000;

    private readonly List<DeclarationText> texts = [];
    private readonly List<Signatory> signatories = [];

    private Declaration()
    {
    }

    public int Id { get; private set; }

    /// The organization that keeps the declaration's list of signatories.
    public int OrganizationId { get; private set; }

    public string Title { get; private set; } = "";

    public DateOnly AdoptedOn { get; private set; }

    public string? Place { get; private set; }

    /// Shown to anyone at /declarations/{id}, with its text and its current signatories.
    public bool IsPublic { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<DeclarationText> Texts => texts;

    public IReadOnlyList<Signatory> Signatories => signatories;

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<Declaration> Adopt(int organizationId, string title, DateOnly adoptedOn, string? place, string language, string text, bool isPublic, DateOnly today)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new InvalidField("Title", "Give the declaration a title."));
        else if (title.Trim().Length > TitleMaxLength) errors.Add(new InvalidField("Title", $"The title has at most {TitleMaxLength} characters."));
        if (adoptedOn > today) errors.Add(new InvalidField("AdoptedOn", "A declaration is recorded once it is adopted: the date cannot be in the future."));
        if (adoptedOn.Year < Party.EarliestYear) errors.Add(new InvalidField("AdoptedOn", "Give the date of adoption."));
        if (place?.Trim().Length > PlaceMaxLength) errors.Add(new InvalidField("Place", $"The place has at most {PlaceMaxLength} characters."));
        errors.AddRange(CheckText(language, text));
        if (errors.Count > 0) return new ValidationFailed(errors);
        var declaration = new Declaration
        {
            OrganizationId = organizationId, Title = title.Trim(), AdoptedOn = adoptedOn, Place = Clean(place), IsPublic = isPublic, Version = 1,
        };
        declaration.texts.Add(new DeclarationText(organizationId, language.Trim().ToLowerInvariant(), 1, text.Trim(), today));
        return declaration;
    }

    /// A text in another language, or a new version of one (the earlier ones are kept).
    public Result<int> AddText(string language, string text, DateOnly today)
    {
        var errors = CheckText(language, text);
        if (errors.Count > 0) return new ValidationFailed(errors);
        var code = language.Trim().ToLowerInvariant();
        var current = texts.Where(t => t.Language == code).OrderBy(t => t.Number).LastOrDefault();
        if (current?.Body == text.Trim()) return new DeclarationTextUnchanged(code);
        var number = (current?.Number ?? 0) + 1;
        texts.Add(new DeclarationText(OrganizationId, code, number, text.Trim(), today));
        Version++;
        return number;
    }

    public Result<Signatory> Sign(int partyId, DateOnly on, DateOnly today)
    {
        if (signatories.FirstOrDefault(s => s.PartyId == partyId) is { } existing)
            return existing.WithdrawnOn is { } w ? new SignatoryWithdrawn(existing.SignedOn, w) : new AlreadySignatory(existing.SignedOn);
        if (on < AdoptedOn) return new InvalidField("SignedOn", $"The declaration was adopted on {AdoptedOn:yyyy-MM-dd}: no one signed it before.");
        if (on > today) return new InvalidField("SignedOn", "The date of signing cannot be in the future.");
        var signatory = new Signatory(OrganizationId, partyId, on, adherent: on > AdoptedOn);
        signatories.Add(signatory);
        Version++;
        return signatory;
    }

    public Result<Done> Withdraw(int partyId, DateOnly on, string? note, DateOnly today)
    {
        if (signatories.FirstOrDefault(s => s.PartyId == partyId) is not { } signatory) return new NotASignatory();
        if (signatory.WithdrawnOn is { } w) return new SignatoryWithdrawn(signatory.SignedOn, w);
        if (on < signatory.SignedOn) return new InvalidField("On", $"The party signed on {signatory.SignedOn:yyyy-MM-dd}: it cannot withdraw before.");
        if (on > today) return new InvalidField("On", "The date of withdrawal cannot be in the future.");
        if (note?.Length > NoteMaxLength) return new InvalidField("Note", $"The note has at most {NoteMaxLength:N0} characters.");
        signatory.Withdraw(on, Clean(note));
        Version++;
        return Done.Value;
    }

    public void Publish(bool isPublic)
    {
        IsPublic = isPublic;
        Version++;
    }

    private static List<InvalidField> CheckText(string language, string text)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(language) || language.Trim().Length > LanguageMaxLength || !language.Trim().All(c => char.IsAsciiLetter(c) || c == '-'))
            errors.Add(new InvalidField("Language", "Give the language as a code such as en, fr, ko or zh-Hans."));
        if (string.IsNullOrWhiteSpace(text)) errors.Add(new InvalidField("Text", "Give the text of the declaration."));
        else if (text.Length > TextMaxLength) errors.Add(new InvalidField("Text", $"The text has at most {TextMaxLength:N0} characters."));
        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class DeclarationText : IAudited
{
    private DeclarationText()
    {
    }

    internal DeclarationText(int organizationId, string language, int number, string body, DateOnly recordedOn)
    {
        OrganizationId = organizationId;
        Language = language;
        Number = number;
        Body = body;
        RecordedOn = recordedOn;
    }

    public int Id { get; private set; }

    public int DeclarationId { get; private set; }

    public int OrganizationId { get; private set; }

    public string Language { get; private set; } = "";

    /// The version of the text in this language, from 1.
    public int Number { get; private set; }

    public string Body { get; private set; } = "";

    public DateOnly RecordedOn { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;
}

/// A party that signed: on the day of adoption, or later as an adherent; withdrawn when it left.
public sealed class Signatory : IAudited
{
    private Signatory()
    {
    }

    internal Signatory(int organizationId, int partyId, DateOnly signedOn, bool adherent)
    {
        OrganizationId = organizationId;
        PartyId = partyId;
        SignedOn = signedOn;
        Adherent = adherent;
    }

    public int Id { get; private set; }

    public int DeclarationId { get; private set; }

    public int OrganizationId { get; private set; }

    public int PartyId { get; private set; }

    public DateOnly SignedOn { get; private set; }

    public bool Adherent { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public string? WithdrawalNote { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    internal void Withdraw(DateOnly on, string? note)
    {
        WithdrawnOn = on;
        WithdrawalNote = note;
    }
}
