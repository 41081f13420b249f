using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Web.Infrastructure;

namespace Cadre.Web.Members;

/// The membership lifecycle over HTTP: applications, the steps of a member's lifecycle, transfers, discipline, rules.
public static class MembershipApi
{
    private delegate Task<Result<Done>> Step(CadreDbContext db, Actor actor, int memberId, DecisionRequest request, CancellationToken ct);

    public static void MapMembershipApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Membership");

        api.MapGet("/applications", async (CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            Results.Ok(await MembershipQueries.ApplicationsAsync(db, await actors.GetAsync(ct), ct)))
            .Requires(Permission.MembersRead).WithSummary("Applications waiting for admission or ratification within your scope.");

        api.MapPost("/applications", async (SubmitApplication.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await SubmitApplication.HandleAsync(db, await actors.GetAsync(ct), body, ct))
                .ToResult(r => Results.Created($"/api/v1/members/{r.MemberId}", r)))
            .Requires(Permission.MembersManage).WithSummary("Submits an application: the applicant's data, the primary organization, the sponsors' member numbers.");

        api.MapGet("/members/overdue-confirmations", async (CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            Results.Ok(await MembershipQueries.OverdueConfirmationsAsync(db, await actors.GetAsync(ct), ct)))
            .Requires(Permission.MembersRead).WithSummary("Candidates whose probation has ended without a decision, within your scope.");

        api.MapGet("/members/{id:int}/history", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MembershipQueries.ForMemberAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.MembersRead).WithSummary("A member's history, disciplinary decisions and pending transfer.");

        MapStep(api, "admit", AdmitApplicant.HandleAsync, "The primary organization admits an applicant (reference and date required).");
        MapStep(api, "ratify", RatifyAdmission.HandleAsync, "The next higher organization ratifies an admission.");
        MapStep(api, "confirm", ConfirmMembership.HandleAsync, "Confirms a candidate as a full member at the end of the probation.");
        MapStep(api, "reject", RejectCandidate.HandleAsync, "Rejects a candidate at the end of the probation (reason required).");
        MapStep(api, "resign", Resign.HandleAsync, "Records a resignation.");
        MapStep(api, "lapse", RecordLapse.HandleAsync, "Records a lapse of membership.");
        MapStep(api, "death", RecordDeath.HandleAsync, "Records a member's death.");
        MapStep(api, "readmit", Readmit.HandleAsync, "Readmits a former member as a candidate (reference required).");
        MapStep(api, "reinstate", ReinstateMember.HandleAsync, "Ends a suspension.");

        api.MapPost("/members/{id:int}/extend-probation", async (int id, ExtendProbation.Request body, CadreDbContext db, ActorAccessor actors,
                CancellationToken ct) => (await ExtendProbation.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.MembersManage).WithSummary("Extends a candidate's probation, once.");

        api.MapPost("/members/{id:int}/sanctions", async (int id, ImposeSanction.Request body, CadreDbContext db, ActorAccessor actors,
                CancellationToken ct) => (await ImposeSanction.HandleAsync(db, await actors.GetAsync(ct), id, body, ct))
                .ToResult(sanctionId => Results.Created($"/api/v1/members/{id}/history", new { id = sanctionId })))
            .Requires(Permission.MembersManage).WithSummary("A warning, severe warning, suspension until a date, or expulsion.");

        api.MapPost("/sanctions/{id:int}/appeal", async (int id, LodgeAppeal.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
                (await LodgeAppeal.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.MembersManage).WithSummary("Lodges an appeal against a disciplinary decision with a higher organization.");

        api.MapPost("/sanctions/{id:int}/decision", async (int id, DecideAppeal.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
                (await DecideAppeal.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.MembersManage).WithSummary("Decides an appeal: overturned restores the earlier status.");

        api.MapGet("/transfers", async (CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            Results.Ok(await MembershipQueries.PendingTransfersAsync(db, await actors.GetAsync(ct), ct)))
            .Requires(Permission.MembersRead).WithSummary("Pending transfers into or out of your scope (`incoming` says which are yours to decide).");

        api.MapPost("/transfers", async (RequestTransfer.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RequestTransfer.HandleAsync(db, await actors.GetAsync(ct), body, ct))
                .ToResult(transferId => Results.Created($"/api/v1/transfers/{transferId}", new { id = transferId })))
            .Requires(Permission.MembersManage).WithSummary("The sending organization requests a member's transfer to another primary organization.");

        api.MapPost("/transfers/{id:int}/accept", async (int id, DecisionRequest body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
                (await AcceptTransfer.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.MembersManage).WithSummary("The receiving organization accepts a transfer.");

        api.MapPost("/transfers/{id:int}/decline", async (int id, DecisionRequest body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
                (await DeclineTransfer.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.MembersManage).WithSummary("The receiving organization declines a transfer.");

        api.MapGet("/settings/membership", async (CadreDbContext db, CancellationToken ct) =>
        {
            var rules = await MembershipRules.LoadAsync(db, ct);
            return Results.Ok(new ChangeMembershipRules.Request(rules.SponsorsRequired, rules.SponsorSeniorityYears, rules.RatificationRequired,
                rules.ProbationMonths));
        }).Requires(Permission.MembersRead).WithSummary("The statutes' admission rules.");

        api.MapPut("/settings/membership", async (ChangeMembershipRules.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
                (await ChangeMembershipRules.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.SettingsManage).WithSummary("Changes the admission rules (administrators).");
    }

    private static void MapStep(RouteGroupBuilder api, string name, Step step, string summary) =>
        api.MapPost($"/members/{{id:int}}/{name}", async (int id, DecisionRequest body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
                (await step(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.MembersManage).WithSummary(summary);
}
