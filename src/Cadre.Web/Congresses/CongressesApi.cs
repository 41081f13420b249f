using Cadre.Accounts;
using Cadre.Congresses;
using Cadre.Congresses.Polls;
using Cadre.Common;
using Cadre.Data;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Congresses;

/// Congresses, apportionment, delegates, mandates, check-in, presence, polls, ballots and results over HTTP.
public static class CongressesApi
{
    public static void MapCongressesApi(this IEndpointRouteBuilder app)
    {
        MapCongresses(app.MapGroup("/api/v1/congresses").WithTags("Congresses"));
        MapPolls(app.MapGroup("/api/v1/polls").WithTags("Polls"));
        app.MapMotionsApi();
    }

    private static void MapCongresses(RouteGroupBuilder api)
    {
        api.MapGet("/", async (CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            Results.Ok(await CongressQueries.ListAsync(db, await actors.GetAsync(ct), ct)))
            .Requires(Permission.CongressesRead).WithSummary("The congresses and conferences of the organizations you may see, latest first.");

        api.MapGet("/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await CongressQueries.GetAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressesRead).WithSummary("A congress: dates, place, agenda, the rules of apportionment, the allocation with its full working, and presence.");

        api.MapPost("/", async (ConveneCongress.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ConveneCongress.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(id => Results.Created($"/api/v1/congresses/{id}", new { id })))
            .Requires(Permission.CongressesManage).WithSummary("Convenes a congress or conference of an organization, with the cut-off date, seats, method, minimum and quorum.");

        api.MapPost("/{id:int}/apportionment", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ApportionDelegates.HandleAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressesManage)
            .WithSummary("Apportions the delegates among the organizations directly below by their members in good standing on the cut-off date; a tie for the last seat answers 409 and stores nothing.");

        api.MapGet("/{id:int}/delegates", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await CongressQueries.DelegatesAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressesRead).WithSummary("The delegates and alternates, with the electing meeting, mandate and presence.");

        api.MapPost("/{id:int}/delegates", async (int id, ElectDelegate.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ElectDelegate.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(d => Results.Created($"/api/v1/congresses/{id}/delegates", new { id = d })))
            .Requires(Permission.CongressesManage).WithSummary("Records a delegate or alternate elected by an organization directly below (member number, meeting, date, vote weight).");

        api.MapPost("/{id:int}/mandates", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await CheckMandates.HandleAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressesManage).WithSummary("Checks every delegate's mandate: a member in good standing with dues paid through last month.");

        api.MapPost("/{id:int}/delegates/{delegateId:int}/check-in", async (int id, int delegateId, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await CheckInDelegate.HandleAsync(db, await actors.GetAsync(ct), id, delegateId, CheckInDelegate.Action.CheckIn, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.CongressesManage).WithSummary("Checks a delegate in at the registration desk.");

        api.MapPost("/{id:int}/delegates/{delegateId:int}/check-out", async (int id, int delegateId, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await CheckInDelegate.HandleAsync(db, await actors.GetAsync(ct), id, delegateId, CheckInDelegate.Action.CheckOut, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.CongressesManage).WithSummary("Records that a delegate has left the hall.");

        api.MapPost("/{id:int}/delegates/{delegateId:int}/take-seat/{absentId:int}", async (int id, int delegateId, int absentId, CadreDbContext db,
                ActorAccessor actors, CancellationToken ct) =>
            (await CheckInDelegate.TakeSeatAsync(db, await actors.GetAsync(ct), id, delegateId, absentId, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.CongressesManage).WithSummary("An alternate takes the seat of an absent delegate of the same organization.");

        api.MapGet("/{id:int}/presence", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await CongressQueries.PresenceAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressesRead).WithSummary("Live presence: seats, delegates holding one, present, the quorum and whether it is reached.");

        api.MapGet("/{id:int}/polls", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await PollQueries.ListAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressVote).WithSummary("The congress's polls (for its organization's readers and for its delegates).");

        api.MapPost("/{id:int}/polls", async (int id, CreatePoll.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await CreatePoll.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(p => Results.Created($"/api/v1/polls/{p}", new { id = p })))
            .Requires(Permission.CongressesManage).WithSummary("Sets up a question (majority and base) or an election (method and seats), secret unless secret is false.");
    }

    private static void MapPolls(RouteGroupBuilder api)
    {
        api.MapGet("/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await PollQueries.GetAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressVote).WithSummary("A poll: candidates, status, the live count of ballots cast, whether you have voted, and the result once published.");

        api.MapPost("/{id:int}/candidates", async (int id, NominateCandidate.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await NominateCandidate.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(p => Results.Created($"/api/v1/polls/{id}", new { position = p })))
            .Requires(Permission.CongressesManage).WithSummary("Nominates a candidate (by name, or by member number) until the poll opens.");

        api.MapDelete("/{id:int}/candidates/{position:int}", async (int id, int position, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await NominateCandidate.WithdrawAsync(db, await actors.GetAsync(ct), id, position, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.CongressesManage).WithSummary("Withdraws a candidate before the poll opens.");

        api.MapPost("/{id:int}/open", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await OpenPoll.HandleAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.CongressesManage).WithSummary("Opens the poll: nominations close, delegates present and holding a seat may vote.");

        api.MapPost("/{id:int}/ballots", async (int id, CastBallot.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await CastBallot.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressVote)
            .WithSummary("Casts your ballot (ranking: candidate numbers in order of preference; or answer: yes, no, abstain); answers the receipt code, shown once.");

        api.MapPost("/{id:int}/close", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ClosePoll.HandleAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressesManage).WithSummary("Closes the poll and counts it; the result is seen by the presidium until published.");

        api.MapPost("/{id:int}/publish", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await PublishResult.HandleAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.CongressesManage).WithSummary("Publishes the result with the list of counted ballots.");

        api.MapPost("/{id:int}/paper-totals", async (int id, EnterPaperTotals.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await EnterPaperTotals.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressesManage)
            .WithSummary("The tellers' paper totals of a question (yes, no, abstain, invalid), once: added to the electronic votes of a closed poll, or alone in a paper-only poll; answers the result counted again.");

        api.MapPost("/{id:int}/paper-ballots", ImportPaperBallotsAsync).Requires(Permission.CongressesManage)
            .WithMetadata(new RequestSizeLimitAttribute(ImportPaperBallots.MaxBytes + 65_536))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ImportPaperBallots.MaxBytes + 65_536 })
            // A file upload from the API's callers (tokens, scripts); the session cookie is SameSite=Lax, so no other site can post it.
            .DisableAntiforgery()
            .WithSummary("Imports an election's ranked paper ballots from BLT (a text body or a multipart file), once, all or nothing: a bad line answers 400 naming it and stores nothing; answers the result counted with the electronic ballots.");

        api.MapGet("/{id:int}/ballots", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await PollQueries.BallotsAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressVote).WithSummary("The published list of counted ballots: receipt, marks, weight (and delegate in a named poll).");

        api.MapGet("/{id:int}/receipts/{receipt}", async (int id, string receipt, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await PollQueries.ReceiptAsync(db, await actors.GetAsync(ct), id, receipt, ct)).ToResult(Results.Ok))
            .Requires(Permission.CongressVote).WithSummary("Whether a receipt code is among the counted ballots, with the marks it carries.");

        api.MapGet("/{id:int}/ballots.blt", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await PollQueries.BltAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(blt => Results.Text(blt, "text/plain; charset=utf-8")))
            .Requires(Permission.CongressVote).WithSummary("The published ballots of an election in BLT, to repeat the count with `cadre count` or any counter (the seed is in the result).");
    }

    private static async Task<IResult> ImportPaperBallotsAsync(int id, HttpRequest request, CadreDbContext db, ActorAccessor actors, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Stream content;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.Count == 0) return new InvalidField("File", "Send the ballots as a BLT file in a multipart form, or as a text body.").ToProblem();
            content = form.Files[0].OpenReadStream();
        }
        else content = request.Body;
        var blt = await ImportPaperBallots.ReadFileAsync(content, ct);
        if (!blt.IsSuccess) return blt.Error.ToProblem();
        return (await ImportPaperBallots.HandleAsync(db, actor, id, blt.Value, ct)).ToResult(Results.Ok);
    }
}
