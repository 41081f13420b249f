using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// A person applies to a primary organization, vouched for by sponsors in good standing (MembershipRules).
public static class SubmitApplication
{
    public sealed record Request
    {
        [Required]
        public PersonalData Person { get; init; } = new();

        public int OrganizationId { get; init; }

        /// The sponsors' member numbers.
        public IReadOnlyList<string> Sponsors { get; init; } = [];

        public DateOnly? On { get; init; }

        [MaxLength(MembershipEvent.TextMaxLength)]
        public string? Note { get; init; }
    }

    public sealed record Submitted(int MemberId, string Number);

    public static async Task<Result<Submitted>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (Validation.Check(request.Person, [.. Validation.Check(request)?.Errors ?? []]) is { } invalid) return invalid;
        if (await RegisterMember.CheckClassifiersAsync(db, request.Person, ct) is { } badList) return badList;
        var organization = await db.Organizations.Include(o => o.Level).SingleOrDefaultAsync(o => o.Id == request.OrganizationId, ct);
        if (organization is null || !await actor.CanAsync(db, Permission.MembersManage, organization.Id, ct))
            return new InvalidField("OrganizationId", "Choose an organization whose members you manage.");

        var today = db.Today;
        var on = request.On ?? today;
        var rules = await MembershipRules.LoadAsync(db, ct);
        var sponsors = await CheckSponsorsAsync(db, request, rules, on, ct);
        if (!sponsors.IsSuccess) return sponsors.Error;

        var person = Person.Create(request.Person, today);
        if (!person.IsSuccess) return person.Error;
        var isPrimary = await OrganizationTree.IsPrimaryAsync(db, organization, ct);

        // A caller that turns a supporter into this applicant holds its own transaction: join it.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var number = Member.FormatNumber(await MemberNumbers.ReserveAsync(db, 1, ct));
        var note = sponsors.Value.Count == 0 ? request.Note
            : $"Sponsors: {string.Join(", ", sponsors.Value.Select(s => s.Number))}" + (string.IsNullOrWhiteSpace(request.Note) ? "" : ". " + request.Note.Trim());
        var applicant = Member.Apply(person.Value, number, organization, isPrimary, on, note, today);
        if (!applicant.IsSuccess) return applicant.Error;
        db.People.Add(person.Value);
        db.Members.Add(applicant.Value);
        await db.SaveChangesAsync(ct);
        db.Sponsorships.AddRange(sponsors.Value.Select(sponsor => Sponsorship.Of(applicant.Value, sponsor)));
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new Submitted(applicant.Value.Id, number);
    }

    private static async Task<Result<List<Member>>> CheckSponsorsAsync(CadreDbContext db, Request request, MembershipRules rules, DateOnly on, CancellationToken ct)
    {
        var numbers = request.Sponsors.Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        if (numbers.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice) return new DuplicateSponsor(twice.Key);
        var found = await db.Members.Include(m => m.Person).Where(m => numbers.Contains(m.Number)).ToListAsync(ct);
        var sponsors = new List<Member>();
        foreach (var number in numbers)
        {
            var sponsor = found.SingleOrDefault(m => m.Number == number);
            if (sponsor is null) return new SponsorNotFound(number);
            if (IsSamePerson(sponsor.Person, request.Person)) return new CannotSponsorYourself(number);
            if (sponsor.Status == MemberStatus.Suspended) return new SponsorSuspended(number);
            if (sponsor.Status != MemberStatus.Member) return new SponsorNotInGoodStanding(number);
            if (sponsor.SeniorityFrom.AddYears(rules.SponsorSeniorityYears) > on) return new SponsorTooJunior(number, rules.SponsorSeniorityYears);
            sponsors.Add(sponsor);
        }
        if (sponsors.Count < rules.SponsorsRequired) return new NotEnoughSponsors(rules.SponsorsRequired);
        return sponsors;
    }

    // The applicant is not a member yet, so "themselves" means the same person already on the register:
    // the same email, or the same name and date of birth.
    private static bool IsSamePerson(Person sponsor, PersonalData applicant) =>
        (applicant.Email is { Length: > 0 } email && sponsor.EmailKey == Text.SearchKey(email))
        || (sponsor.DateOfBirth == applicant.DateOfBirth && applicant.DateOfBirth is not null
            && sponsor.FullKey == Text.SearchKey(applicant.GivenName + " " + applicant.FamilyName));
}
