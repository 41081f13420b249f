using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Infrastructure;

/// Intent methods for the membership lifecycle: each step through its use case, as a secretary would take it.
public static class ArrangeMembership
{
    public static readonly Actor Admin = Actor.System("test");

    /// Runs one use case on a fresh context whose changes are attributed to the actor (the system by default).
    public static Task<Result<T>> RunAsync<T>(this TestDatabase database, Func<CadreDbContext, Actor, Task<Result<T>>> useCase, Actor? actor = null)
    {
        actor ??= Admin;
        return useCase(database.Context(actor), actor);
    }

    public static async Task<Member> MemberAsync(this TestDatabase database, int id)
    {
        await using var db = database.Context();
        return await db.Members.AsNoTracking().Include(m => m.Events).SingleAsync(m => m.Id == id, TestDatabase.Ct);
    }

    /// Two sponsors with years of full membership in the given organization.
    public static async Task<string[]> SponsorsAsync(this TestDatabase database, int organizationId) =>
    [
        (await database.RegisterMemberAsync(organizationId, "Olga", "Sponsor")).Number,
        (await database.RegisterMemberAsync(organizationId, "Pavel", "Sponsor")).Number,
    ];

    public static Task<Result<SubmitApplication.Submitted>> TryApplyAsync(this TestDatabase database, int organizationId, PersonalData person,
        IReadOnlyList<string> sponsors, DateOnly? on = null, Actor? actor = null) =>
        database.RunAsync((db, a) => SubmitApplication.HandleAsync(db, a,
            new SubmitApplication.Request { OrganizationId = organizationId, Person = person, Sponsors = sponsors, On = on ?? new DateOnly(2024, 1, 10) },
            TestDatabase.Ct), actor);

    public static async Task<int> ApplicantAsync(this TestDatabase database, int organizationId, string given = "Iva", string family = "Novak")
    {
        var sponsors = await database.SponsorsAsync(organizationId);
        return (await database.TryApplyAsync(organizationId, Arrange.Person(given, family), sponsors)).Ok().MemberId;
    }

    /// An applicant admitted on 2024-02-01: with the default twelve months their probation ended before the test clock's today.
    public static async Task<int> CandidateAsync(this TestDatabase database, int organizationId, string given = "Iva", string family = "Novak")
    {
        var id = await database.ApplicantAsync(organizationId, given, family);
        (await database.RunAsync((db, a) => AdmitApplicant.HandleAsync(db, a, id, Decided(new DateOnly(2024, 2, 1), "Minutes 3/2024"), TestDatabase.Ct))).Ok();
        return id;
    }

    public static DecisionRequest Decided(DateOnly on, string? reference = null, string? reason = null) =>
        new() { On = on, Reference = reference, Reason = reason };

    public static async Task<int> CountAsync<T>(this TestDatabase database)
        where T : class
    {
        await using var db = database.Context();
        return await db.Set<T>().CountAsync(TestDatabase.Ct);
    }
}
