using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Meetings;

/// Records a decision of a meeting with its vote; it takes the next number of its organization's year. Adopted is
/// refused without quorum.
public static class RecordDecision
{
    public sealed record Request
    {
        public string Text { get; init; } = "";

        public int? AgendaItemId { get; init; }

        public int VotesFor { get; init; }

        public int VotesAgainst { get; init; }

        public int Abstaining { get; init; }

        public bool Adopted { get; init; } = true;

        /// The directive the decision implements, if any.
        public int? DirectiveId { get; init; }
    }

    public sealed record Recorded(int Id, string Number);

    public static async Task<Result<Recorded>> HandleAsync(CadreDbContext db, Actor actor, int meetingId, Request request, CancellationToken ct)
    {
        var meeting = await MeetingAccess.MeetingAsync(db, actor, meetingId, ct, roll: true, agenda: true);
        if (!meeting.IsSuccess) return meeting.Error;
        AgendaItem? item = null;
        if (request.AgendaItemId is { } itemId && (item = meeting.Value.Agenda.FirstOrDefault(a => a.Id == itemId)) is null) return new AgendaItemNotFound();
        // A decision implements a directive that reached this organization, itself or passed on to it down the chain.
        if (request.DirectiveId is { } directiveId && !await db.Assignments.AnyAsync(a => a.OrganizationId == meeting.Value.OrganizationId
                && (a.DirectiveId == directiveId || a.RootDirectiveId == directiveId), ct))
            return new DirectiveNotAssigned(directiveId);
        var quorum = meeting.Value.Quorum(await MeetingAccess.RuleAsync(db, meeting.Value, ct));
        var decision = Decision.Take(meeting.Value, quorum, item, request.Text ?? "", request.VotesFor, request.VotesAgainst, request.Abstaining,
            request.Adopted, request.DirectiveId, db.Now);
        if (!decision.IsSuccess) return decision.Error;

        // The counter's row stays locked until the transaction ends, so two meetings of one organization never share a number.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var sequence = await Counters.ReserveAsync(db, CounterName(meeting.Value.OrganizationId, decision.Value.Year), 1, ct);
        decision.Value.Numbered((int)sequence);
        db.Decisions.Add(decision.Value);
        var saved = await MeetingAccess.SaveAsync(db, ct);
        if (!saved.IsSuccess) return saved.Error;
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new Recorded(decision.Value.Id, decision.Value.Number);
    }

    public static string CounterName(int organizationId, int year) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"decisions:{organizationId}:{year}");
}
