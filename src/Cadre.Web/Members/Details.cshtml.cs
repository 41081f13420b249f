using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Members;

[Requires(Permission.MembersRead)]
public sealed class DetailsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public MemberDetails Member { get; private set; } = null!;

    public MembershipView Membership { get; private set; } = null!;

    public bool CanReadAudit { get; private set; }

    public bool CanReadDues { get; private set; }

    /// Ratification is for the next higher organization: the branch's own secretary is not offered the button.
    public bool CanRatify { get; private set; }

    /// For a candidate: the courses required before confirmation and whether they block it (education settings).
    public Cadre.Education.Courses.RequiredCoursesStatus? RequiredCourses { get; private set; }

    /// Which form the posted error belongs to, so the page opens it again.
    public string? OpenForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// One step of the lifecycle that needs only a decision (admit, confirm, resign …).
    public async Task<IActionResult> OnPostStepAsync(int id, MembershipEventKind step, DecisionForm decision, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var request = decision.ToRequest();
        var result = step switch
        {
            MembershipEventKind.Admit => await AdmitApplicant.HandleAsync(db, actor, id, request, ct),
            MembershipEventKind.Ratify => await RatifyAdmission.HandleAsync(db, actor, id, request, ct),
            MembershipEventKind.Confirm => await ConfirmMembership.HandleAsync(db, actor, id, request, ct),
            MembershipEventKind.ExtendProbation => await ExtendProbation.HandleAsync(db, actor, id,
                new ExtendProbation.Request { On = request.On, Reference = request.Reference, Reason = request.Reason, Note = request.Note, Months = decision.Months }, ct),
            MembershipEventKind.Reject => await RejectCandidate.HandleAsync(db, actor, id, request, ct),
            MembershipEventKind.Reinstate => await ReinstateMember.HandleAsync(db, actor, id, request, ct),
            MembershipEventKind.Resign => await Resign.HandleAsync(db, actor, id, request, ct),
            MembershipEventKind.Lapse => await RecordLapse.HandleAsync(db, actor, id, request, ct),
            MembershipEventKind.Die => await RecordDeath.HandleAsync(db, actor, id, request, ct),
            MembershipEventKind.Readmit => await Readmit.HandleAsync(db, actor, id, request, ct),
            _ => new InvalidField("step", "That is not a step taken from this page."),
        };
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, $"Recorded: {MembershipText.Describe(step)}.", step.ToString(), ct);
    }

    public async Task<IActionResult> OnPostTransferAsync(int id, string? toCode, DateOnly? on, string? reason, CancellationToken ct)
    {
        var toId = await OrganizationIdAsync(toCode, ct);
        var result = toId is null ? new TransferTargetNotFound()
            : await RequestTransfer.HandleAsync(db, await actors.GetAsync(ct), new RequestTransfer.Request { MemberId = id, ToOrganizationId = toId.Value, On = on, Reason = reason }, ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "The transfer is requested; the receiving organization decides.", "Transfer", ct);
    }

    public async Task<IActionResult> OnPostSanctionAsync(int id, SanctionKind kind, string? decidedByCode, DateOnly? suspendedUntil, DecisionForm decision,
        CancellationToken ct)
    {
        int? decidedBy = null;
        if (!string.IsNullOrWhiteSpace(decidedByCode) && (decidedBy = await OrganizationIdAsync(decidedByCode, ct)) is null)
            return await AfterAsync(id, new DecidingBodyNotAbove(), "", "Sanction", ct);
        var d = decision.ToRequest();
        var result = await ImposeSanction.HandleAsync(db, await actors.GetAsync(ct), id, new ImposeSanction.Request
        {
            Kind = kind, DecidedById = decidedBy, SuspendedUntil = suspendedUntil, On = d.On, Reference = d.Reference, Reason = d.Reason, Note = d.Note,
        }, ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "The disciplinary decision is recorded.", "Sanction", ct);
    }

    public async Task<IActionResult> OnPostAppealAsync(int id, int sanctionId, string? appealToCode, DateOnly? on, string? reason, CancellationToken ct)
    {
        var toId = await OrganizationIdAsync(appealToCode, ct);
        var result = toId is null ? new AppealBodyNotHigher()
            : await LodgeAppeal.HandleAsync(db, await actors.GetAsync(ct), sanctionId, new LodgeAppeal.Request { AppealToId = toId.Value, On = on, Reason = reason }, ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "The appeal is lodged.", $"Appeal{sanctionId}", ct);
    }

    public async Task<IActionResult> OnPostDecideAppealAsync(int id, int sanctionId, bool overturned, DateOnly? on, string? reference, CancellationToken ct)
    {
        var result = await DecideAppeal.HandleAsync(db, await actors.GetAsync(ct), sanctionId,
            new DecideAppeal.Request { Overturned = overturned, On = on, Reference = reference }, ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, overturned ? "The appeal is granted: the decision is overturned." : "The decision is upheld.",
            $"Decide{sanctionId}", ct);
    }

    private async Task<int?> OrganizationIdAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var normalized = Organization.NormalizeCode(code);
        return await db.Organizations.Where(o => o.Code == normalized).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
    }

    private async Task<IActionResult> AfterAsync(int id, Error? error, string flash, string form, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Flash"] = flash;
            return Redirect($"/members/{id}");
        }
        if (error is MemberNotFound or SanctionNotFound) return NotFound();
        ModelState.Clear();
        var fields = error is ValidationFailed v ? v.Errors.Select(e => e.Message) : [error.Message];
        foreach (var message in fields) ModelState.AddModelError("", message);
        OpenForm = form;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var found = await MemberQueries.GetAsync(db, actor, id, ct);
        // Another branch's member is answered like a member that does not exist.
        if (!found.IsSuccess) return false;
        Member = found.Value;
        ViewData[ReadableOrganizations.Key] = await ReadableOrganizations.ForAsync(db, actor, Member, ct);
        Membership = (await MembershipQueries.ForMemberAsync(db, actor, id, ct)).Value;
        CanReadAudit = await actor.CanAsync(db, Permission.AuditRead, Member.OrganizationId, ct);
        CanReadDues = await actor.CanAsync(db, Permission.DuesRead, Member.OrganizationId, ct);
        if (Member.Status == MemberStatus.Candidate) RequiredCourses = await Cadre.Education.Courses.RequiredCourses.ForMemberAsync(db, id, ct);
        if (Member.Status == MemberStatus.Admitted)
        {
            var parentId = await db.Organizations.Where(o => o.Id == Member.OrganizationId).Select(o => o.ParentId).SingleAsync(ct);
            CanRatify = parentId is { } p && await actor.CanAsync(db, Permission.MembersManage, p, ct);
        }
        return true;
    }
}

/// The fields every lifecycle form posts.
public sealed record DecisionForm
{
    public DateOnly? On { get; init; }

    public string? Reference { get; init; }

    public string? Reason { get; init; }

    public string? Note { get; init; }

    public int? Months { get; init; }

    public DecisionRequest ToRequest() => new() { On = On, Reference = Reference, Reason = Reason, Note = Note };
}
