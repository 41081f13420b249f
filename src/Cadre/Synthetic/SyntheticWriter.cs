using Cadre.Dues;
using Cadre.Members;

namespace Cadre.Synthetic;

/// Draws the members chunk by chunk and writes each chunk table by table (people, members, events, incomes, payments,
/// allocations), so foreign keys hold at every statement and PostgreSQL runs one COPY at a time on the connection.
internal sealed class SyntheticWriter(Cadre.Data.CadreDbContext db, SyntheticDraw draw)
{
    private const int MembersPerChunk = 5_000;
    private const string RecordedBy = "synthetic";

    private long eventId;
    private long paymentId;

    public long LastReceipt => draw.NextReceipt - 1;

    public async Task<SyntheticCounts> WriteMembersAsync(long firstNumber, int total, IProgress<SyntheticProgress>? progress, CancellationToken ct)
    {
        await using var people = BulkTable.For<Person>(db);
        await using var members = BulkTable.For<Member>(db);
        await using var events = BulkTable.For<MembershipEvent>(db);
        await using var incomes = BulkTable.For<DeclaredIncome>(db);
        await using var payments = BulkTable.For<DuesPayment>(db);
        await using var allocations = BulkTable.For<PaymentAllocation>(db);
        var tables = new[] { people, members, events, incomes, payments, allocations };
        var chunk = tables.Select(_ => new List<object?[]>()).ToArray();
        var writing = Task.CompletedTask;
        long candidates = 0, transfers = 0, lapses = 0;
        var id = 0;
        var incomeId = 0;
        try
        {
            foreach (var primary in draw.Primaries)
            {
                for (var i = 0; i < primary.Size; i++)
                {
                    id++;
                    var drawn = draw.Draw(primary, Member.FormatNumber(firstNumber + id - 1), id);
                    chunk[0].Add(people.Row(drawn.Person));
                    chunk[1].Add(members.Row(drawn.Member));
                    foreach (var entry in drawn.Member.Events)
                    {
                        Ids.Set(entry, nameof(MembershipEvent.Id), (int)++eventId);
                        Ids.Set(entry, nameof(MembershipEvent.MemberId), id);
                        chunk[2].Add(events.Row(entry));
                    }
                    if (drawn.Income is { } income) chunk[3].Add(incomes.Row(Ids.Set(income, nameof(DeclaredIncome.Id), ++incomeId)));
                    Pay(drawn, payments, allocations, chunk[4], chunk[5]);
                    if (drawn.Member.Status == MemberStatus.Candidate) candidates++;
                    if (drawn.TransferredOn is not null) transfers++;
                    if (drawn.LapsedOn is not null) lapses++;

                    if (id % MembersPerChunk == 0 || id == total)
                    {
                        // The database writes one chunk on another thread while this one draws the next: the draw is still
                        // sequential (so deterministic), and only the writer touches the connection.
                        await writing;
                        var rows = chunk;
                        var done = id;
                        writing = Task.Run(async () =>
                        {
                            for (var t = 0; t < tables.Length; t++) await tables[t].WriteAsync(rows[t], ct);
                            progress?.Report(new SyntheticProgress("Members", done, total));
                        }, ct);
                        chunk = tables.Select(_ => new List<object?[]>()).ToArray();
                    }
                }
            }
            await writing;
        }
        catch
        {
            // A failed draw must not leave a write running on the connection the caller is about to roll back.
            await Task.WhenAny(writing);
            throw;
        }
        foreach (var table in tables) await table.AdvanceIdentityAsync(ct);
        return new SyntheticCounts(0, 0, id, candidates, transfers, lapses, events.Rows, 0, incomes.Rows, payments.Rows, allocations.Rows);
    }

    // One payment a month for the month, paid within it (never before joining, never in the future), while the member owes
    // and has not stopped paying; the month's obligation is the dues rules' own computation.
    private void Pay(DrawnMember drawn, BulkTable payments, BulkTable allocations, List<object?[]> paymentRows, List<object?[]> allocationRows)
    {
        var member = drawn.Member;
        if (!SyntheticDraw.Owes(member)) return;
        var random = draw.Random;
        var today = draw.Today;
        var facts = new MemberDuesFacts(member.Id, member.OrganizationId, member.JoinedOn, MemberStatus.Member, drawn.Person.OccupationId,
            drawn.Income is null ? [] : [drawn.Income], []);
        var last = Months.Of(today).AddMonths(-1);
        if (drawn.StopsPayingAfter is { } stops && stops < last) last = stops;
        var bank = random.NextDouble() < 0.4;
        for (var month = draw.Rules.FirstOwedMonth(member.JoinedOn); month <= last; month = month.AddMonths(1))
        {
            if (draw.Rules.For(facts, month) is not { Amount: > 0 } owed) continue;
            var paidOn = month.AddDays(random.Next(0, 27));
            if (paidOn < member.JoinedOn) paidOn = member.JoinedOn;
            if (paidOn > today) paidOn = today;
            var organizationId = drawn.TransferredOn is { } moved && paidOn < moved ? drawn.FirstOrganizationId : member.OrganizationId;
            var id = (int)++paymentId;
            var payment = payments.NewRow();
            payments.Set(payment, nameof(DuesPayment.Id), id);
            payments.Set(payment, nameof(DuesPayment.ReceiptNumber), ReceiptNumbers.Format(draw.NextReceipt++));
            payments.Set(payment, nameof(DuesPayment.MemberId), member.Id);
            payments.Set(payment, nameof(DuesPayment.OrganizationId), organizationId);
            payments.Set(payment, nameof(DuesPayment.PaidOn), paidOn);
            payments.Set(payment, nameof(DuesPayment.Method), bank ? PaymentMethod.BankTransfer : PaymentMethod.Cash);
            payments.Set(payment, nameof(DuesPayment.Reference), bank ? $"TR-{random.Next(100000, 999999)}" : null);
            payments.Set(payment, nameof(DuesPayment.Amount), owed.Amount);
            payments.Set(payment, nameof(DuesPayment.RecordedBy), RecordedBy);
            paymentRows.Add(payment);
            var allocation = allocations.NewRow();
            allocations.Set(allocation, nameof(PaymentAllocation.Id), id);
            allocations.Set(allocation, nameof(PaymentAllocation.PaymentId), id);
            allocations.Set(allocation, nameof(PaymentAllocation.Month), month);
            allocations.Set(allocation, nameof(PaymentAllocation.Amount), owed.Amount);
            allocationRows.Add(allocation);
        }
    }
}
