using Cadre.Accounts;
using Cadre.Common;
using Cadre.Congresses.Polls;
using Cadre.Data;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Congresses;

/// One poll: nominations, opening, the delegate's ballot and receipt, the live count, closing, the result with its stages,
/// the published ballots and the receipt check.
[Requires(Permission.CongressVote)]
// Page filters apply to the page, not a handler: the limits are the paper ballots upload's.
[RequestSizeLimit(ImportPaperBallots.MaxBytes + 65_536)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportPaperBallots.MaxBytes + 65_536)]
public sealed class PollModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public PollDetail Poll { get; private set; } = null!;

    public IReadOnlyList<PublishedBallot> Ballots { get; private set; } = [];

    public string? Receipt { get; private set; }

    public PublishedBallot? Checked { get; private set; }

    public string? CheckedCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? receipt, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!string.IsNullOrWhiteSpace(receipt))
        {
            CheckedCode = receipt;
            var found = await PollQueries.ReceiptAsync(db, await actors.GetAsync(ct), id, receipt, ct);
            Checked = found.IsSuccess ? found.Value : null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostNominateAsync(int id, string? name, string? memberNumber, CancellationToken ct) =>
        await AfterAsync(id, (await NominateCandidate.HandleAsync(db, await actors.GetAsync(ct), id, new NominateCandidate.Request(name, memberNumber), ct)).Error,
            "The candidate is nominated.", ct);

    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, (await OpenPoll.HandleAsync(db, await actors.GetAsync(ct), id, ct)).Error, "The poll is open.", ct);

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, (await ClosePoll.HandleAsync(db, await actors.GetAsync(ct), id, ct)).Error, "The poll is closed and counted.", ct);

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, (await PublishResult.HandleAsync(db, await actors.GetAsync(ct), id, ct)).Error, "The result is published.", ct);

    /// The tellers' paper totals of a question (decision 0028).
    public async Task<IActionResult> OnPostPaperTotalsAsync(int id, long? yes, long? no, long? abstain, long? invalid, CancellationToken ct) =>
        await AfterAsync(id, (await EnterPaperTotals.HandleAsync(db, await actors.GetAsync(ct), id, new EnterPaperTotals.Request
        {
            Yes = yes ?? 0, No = no ?? 0, Abstain = abstain ?? 0, Invalid = invalid ?? 0,
        }, ct)).Error, "The paper totals are entered and the poll counted again.", ct);

    /// An election's ranked paper ballots from a BLT file (decision 0029): all or nothing.
    public async Task<IActionResult> OnPostPaperBallotsAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return await AfterAsync(id, new InvalidField("File", "Choose the BLT file of the paper ballots."), "", ct);
        await using var content = file.OpenReadStream();
        var blt = await ImportPaperBallots.ReadFileAsync(content, ct);
        if (!blt.IsSuccess) return await AfterAsync(id, blt.Error, "", ct);
        var imported = await ImportPaperBallots.HandleAsync(db, await actors.GetAsync(ct), id, blt.Value, ct);
        // A file's problem names the file as well as its line, as the command line does.
        var error = imported.Error is Cadre.Elections.Counting.BallotFileError bad
            ? new InvalidField("File", $"{Path.GetFileName(file.FileName)}:{bad.Line}: {bad.Problem} Nothing was imported.") : imported.Error;
        return await AfterAsync(id, error,
            imported.IsSuccess ? $"{imported.Value.Ballots:N0} paper ballot(s), {imported.Value.Votes:N0} vote(s), imported and counted with the others." : "", ct);
    }

    /// The ballot: for an election, each candidate's preference number (1 = first); for a question, the answer.
    public async Task<IActionResult> OnPostVoteAsync(int id, Dictionary<int, int?>? preference, string? answer, CancellationToken ct)
    {
        var ranking = (preference ?? []).Where(p => p.Value is > 0).OrderBy(p => p.Value).Select(p => p.Key).ToList();
        var values = (preference ?? []).Where(p => p.Value is > 0).Select(p => p.Value).ToList();
        if (values.Distinct().Count() != values.Count)
            return await AfterAsync(id, new InvalidField("Ranking", "Give each preference number to one candidate only."), "", ct);
        var cast = await CastBallot.HandleAsync(db, await actors.GetAsync(ct), id, new CastBallot.Request { Ranking = ranking, Answer = answer }, ct);
        if (!cast.IsSuccess) return await AfterAsync(id, cast.Error, "", ct);
        // The receipt is shown once, on this answer, and kept nowhere else with the voter.
        Receipt = cast.Value.Receipt;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> AfterAsync(int id, Error? error, string flash, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Flash"] = flash;
            return Redirect($"/polls/{id}");
        }
        if (CongressPages.Refuse(error) is { } refused) return refused;
        CongressPages.Show(this, error);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var poll = await PollQueries.GetAsync(db, actor, id, ct);
        if (!poll.IsSuccess) return false;
        Poll = poll.Value;
        if (Poll.Status == PollStatus.Published) Ballots = (await PollQueries.BallotsAsync(db, actor, id, ct)).Value;
        return true;
    }
}

/// The live count of ballots cast, polled by the poll page while it is open.
[Requires(Permission.CongressVote)]
public sealed class BallotCountModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public PollDetail Poll { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var poll = await PollQueries.GetAsync(db, await actors.GetAsync(ct), id, ct);
        if (!poll.IsSuccess) return NotFound();
        Poll = poll.Value;
        return Page();
    }
}
