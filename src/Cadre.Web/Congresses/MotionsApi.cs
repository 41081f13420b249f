using Cadre.Accounts;
using Cadre.Congresses.Motions;
using Cadre.Data;
using Cadre.Web.Infrastructure;

namespace Cadre.Web.Congresses;

/// Motions and amendments over HTTP: submission, support, amendments, the committee's recommendations, the votes and the adopted text.
public static class MotionsApi
{
    public static void MapMotionsApi(this IEndpointRouteBuilder app)
    {
        var congresses = app.MapGroup("/api/v1/congresses").WithTags("Motions");
        congresses.MapGet("/{id:int}/motions", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MotionQueries.ListAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressVote).WithSummary("The motions to a congress with their supporters and amendments (for its readers, delegates and submitting organizations).");

        congresses.MapPost("/{id:int}/motions", async (int id, SubmitMotion.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await SubmitMotion.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(m => Results.Created($"/api/v1/motions/{m}", new { id = m })))
            .Requires(Permission.CongressVote)
            .WithSummary("Submits a motion before the deadline: as a delegate, or for an organization (organizationId) you submit for in the congress's organization.");

        congresses.MapGet("/{id:int}/motion-rules", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MotionQueries.RulesAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressVote).WithSummary("The deadlines for motions and amendments and the supporters a delegate's motion needs.");

        congresses.MapPut("/{id:int}/motion-rules", async (int id, SetMotionRules.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await SetMotionRules.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.CongressesManage).WithSummary("Sets the deadlines (UTC) for motions and amendments and the minimum of supporters.");

        var motions = app.MapGroup("/api/v1/motions").WithTags("Motions");
        motions.MapGet("/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MotionQueries.GetAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressVote)
            .WithSummary("A motion: its numbered lines, supporters, amendments with their side-by-side diffs and recommendations, the votes and the versions of its text.");

        motions.MapGet("/{id:int}/text", async (int id, int? version, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MotionQueries.TextAsync(db, await actors.GetAsync(ct), id, version, ct)).ToResult(t => Results.Text(t, "text/plain; charset=utf-8")))
            .Requires(Permission.CongressVote).WithSummary("A version of the motion's text (the latest unless version is given: 1 as submitted, then as adopted).");

        motions.MapPost("/{id:int}/supporters", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await SupportMotion.HandleAsync(db, await actors.GetAsync(ct), id, true, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.CongressVote).WithSummary("You, a delegate, support (second) the motion.");

        motions.MapDelete("/{id:int}/supporters", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await SupportMotion.HandleAsync(db, await actors.GetAsync(ct), id, false, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.CongressVote).WithSummary("You take back your support before voting begins.");

        motions.MapPost("/{id:int}/withdraw", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await WithdrawMotion.HandleAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.CongressVote).WithSummary("The mover or the presidium withdraws the motion before the vote.");

        motions.MapPost("/{id:int}/amendments", async (int id, ProposeAmendment.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ProposeAmendment.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(n => Results.Created($"/api/v1/motions/{id}", new { number = n })))
            .Requires(Permission.CongressVote)
            .WithSummary("Proposes an amendment: replace or delete lines fromLine..toLine, or insert after fromLine (0: at the start), before the deadline.");

        motions.MapPost("/{id:int}/amendments/{number:int}/withdraw", async (int id, int number, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await WithdrawAmendment.HandleAsync(db, await actors.GetAsync(ct), id, number, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.CongressVote).WithSummary("The amendment's mover or the presidium withdraws it before it is voted on.");

        motions.MapPost("/{id:int}/amendments/{number:int}/recommendation", async (int id, int number, RecommendOnAmendment.Request body, CadreDbContext db,
                ActorAccessor actors, CancellationToken ct) =>
            (await RecommendOnAmendment.HandleAsync(db, await actors.GetAsync(ct), id, number, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.MotionsManage).WithSummary("The committee's recommendation: Adopt, Reject, AdoptModified (with modifiedText) or None.");

        motions.MapPost("/{id:int}/amendments/{number:int}/vote", async (int id, int number, VoteRequest body, CadreDbContext db, ActorAccessor actors,
                CancellationToken ct) =>
            (await VoteOnAmendment.HandleAsync(db, await actors.GetAsync(ct), id, number, body, ct)).ToResult(carried => Results.Ok(new { carried })))
            .Requires(Permission.MotionsManage)
            .WithSummary("Records the vote on an amendment (yes, no, abstain; a simple majority of valid votes unless given); an amendment overlapping an adopted one answers 409.");

        motions.MapPost("/{id:int}/vote", async (int id, VoteRequest body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await VoteOnMotion.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(carried => Results.Ok(new { carried })))
            .Requires(Permission.MotionsManage)
            .WithSummary("Records the final vote on the motion once its amendments are decided; adopted, its text with the adopted amendments is kept as a new version.");
    }
}
