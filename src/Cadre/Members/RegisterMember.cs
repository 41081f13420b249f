using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// Records a person and their membership in a primary organization, with a new member number.
public static class RegisterMember
{
    public sealed record Request
    {
        [Required]
        public PersonalData Person { get; init; } = new();

        public int OrganizationId { get; init; }

        public DateOnly? JoinedOn { get; init; }

        [EnumDataType(typeof(MemberStatus), ErrorMessage = "The status is not one of the listed values.")]
        public MemberStatus Status { get; init; } = MemberStatus.Member;
    }

    public sealed record Registered(int MemberId, int PersonId, string Number);

    public static async Task<Result<Registered>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (Validation.Check(request.Person, [.. Validation.Check(request)?.Errors ?? []]) is { } invalid) return invalid;
        if (await CheckClassifiersAsync(db, request.Person, ct) is { } badList) return badList;

        var organization = await db.Organizations.Include(o => o.Level).SingleOrDefaultAsync(o => o.Id == request.OrganizationId, ct);
        if (organization is null || !await actor.CanAsync(db, Permission.MembersManage, organization.Id, ct))
            return new InvalidField("OrganizationId", "Choose an organization whose members you manage.");
        var isPrimary = await OrganizationTree.IsPrimaryAsync(db, organization, ct);

        var today = db.Today;
        var person = Person.Create(request.Person, today);
        if (!person.IsSuccess) return person.Error;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = Member.FormatNumber(await MemberNumbers.ReserveAsync(db, 1, ct));
        var member = Member.Enrol(person.Value, number, organization, isPrimary, request.JoinedOn ?? today, request.Status, today);
        if (!member.IsSuccess) return member.Error;
        db.People.Add(person.Value);
        db.Members.Add(member.Value);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Registered(member.Value.Id, person.Value.Id, number);
    }

    internal static async Task<InvalidField?> CheckClassifiersAsync(CadreDbContext db, PersonalData data, CancellationToken ct)
    {
        if (data.OccupationId is { } o && !await db.Classifiers.AnyAsync(c => c.Id == o && c.Kind == ClassifierKind.Occupation, ct))
            return new ClassifierNotFound("OccupationId");
        if (data.EducationId is { } e && !await db.Classifiers.AnyAsync(c => c.Id == e && c.Kind == ClassifierKind.Education, ct))
            return new ClassifierNotFound("EducationId");
        return null;
    }
}
