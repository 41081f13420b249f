using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cadre.Web.Members;

/// What the member forms (new, edit) share: the lists to choose from and the mapping of errors onto their fields.
public static class MemberForms
{
    private static readonly HashSet<string> PersonFields =
        [.. typeof(PersonalData).GetProperties().Select(p => p.Name)];

    /// The use cases name personal-data fields without the "Person." the form nests them under.
    public static void AddMemberErrorTo(this Error error, ModelStateDictionary modelState)
    {
        var fields = error is ValidationFailed v ? v.Errors : error is InvalidField f ? [f] : [];
        if (fields.Count == 0)
        {
            error.AddTo(modelState);
            return;
        }
        foreach (var field in fields)
        {
            var prefix = PersonFields.Contains(field.FieldName) ? "Input.Person" : "Input";
            field.AddTo(modelState, prefix);
        }
    }

    public sealed record Lists(IReadOnlyList<SelectListItem> Organizations, IReadOnlyList<SelectListItem> Occupations,
        IReadOnlyList<SelectListItem> Education);

    /// The primary organizations the actor may place members in, plus the member's current one (it may be outside them).
    public static async Task<Lists> LoadListsAsync(CadreDbContext db, Cadre.Accounts.Actor actor, (int Id, string Name)? current, CancellationToken ct)
    {
        var choices = await OrganizationQueries.PrimaryChoicesAsync(db, actor, null, 500, ct);
        var organizations = choices.Select(o => new SelectListItem($"{o.Name} ({o.Code})", o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        if (current is { } c && choices.All(o => o.Id != c.Id))
            organizations.Insert(0, new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var classifiers = await MemberQueries.AllClassifiersAsync(db, ct);
        return new Lists(organizations, Items(classifiers[ClassifierKind.Occupation]), Items(classifiers[ClassifierKind.Education]));
    }

    /// The occupation and education lists of the filters, read together.
    public static async Task<(IReadOnlyList<SelectListItem> Occupations, IReadOnlyList<SelectListItem> Education)> ClassifierItemsAsync(
        CadreDbContext db, CancellationToken ct)
    {
        var classifiers = await MemberQueries.AllClassifiersAsync(db, ct);
        return (Items(classifiers[ClassifierKind.Occupation]), Items(classifiers[ClassifierKind.Education]));
    }

    private static List<SelectListItem> Items(IEnumerable<Classifier> classifiers) =>
        classifiers.Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public static string Describe(MemberStatus status) => status switch
    {
        MemberStatus.Candidate => "Candidate member",
        MemberStatus.Member => "Member",
        MemberStatus.Former => "Former member",
        MemberStatus.Admitted => "Admitted, awaiting ratification",
        _ => status.ToString(),
    };
}

/// The member form as posted: the personal data nested as Input.Person, then the membership.
public sealed record MemberInput
{
    public PersonalData Person { get; init; } = new();

    public int? OrganizationId { get; init; }

    public DateOnly? JoinedOn { get; init; }

    public MemberStatus Status { get; init; } = MemberStatus.Member;

    public int? ExpectedVersion { get; init; }
}

/// What the shared form fields need from a page.
public interface IMemberForm
{
    MemberInput Input { get; }

    MemberForms.Lists Lists { get; }
}
