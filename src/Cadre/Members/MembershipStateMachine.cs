using System.Text;

namespace Cadre.Members;

public sealed record MembershipTransition(MemberStatus? From, MembershipEventKind Step, MemberStatus To);

/// The statutes' state machine as data: Member's lifecycle methods refuse any step not listed here, and
/// docs/membership.md shows the diagram rendered from this list (a test keeps the two equal).
public static class MembershipStateMachine
{
    private const MembershipEventKind Apply = MembershipEventKind.Apply;

    public static readonly IReadOnlyList<MembershipTransition> Transitions = Build();

    /// The statuses that count as being in the party: they are counted, listed for offices and moved with their organization.
    public static readonly IReadOnlyList<MemberStatus> Current = [MemberStatus.Candidate, MemberStatus.Member, MemberStatus.Suspended];

    public static bool IsCurrent(MemberStatus status) => Current.Contains(status);

    public static bool Allows(MemberStatus from, MembershipEventKind step, MemberStatus to) =>
        Transitions.Any(t => t.From == from && t.Step == step && t.To == to);

    /// The steps a member in this status can take next, for the member page's actions.
    public static IReadOnlyList<MembershipEventKind> StepsFrom(MemberStatus status) =>
        Transitions.Where(t => t.From == status).Select(t => t.Step).Distinct().ToList();

    public static string Mermaid()
    {
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var group in Transitions.GroupBy(t => (t.From, t.To)))
        {
            var from = group.Key.From?.ToString() ?? "[*]";
            text.Append("    ").Append(from).Append(" --> ").Append(group.Key.To).Append(" : ")
                .AppendJoin(", ", group.Select(t => t.Step)).Append('\n');
        }
        return text.ToString();
    }

    private static List<MembershipTransition> Build()
    {
        MemberStatus[] serving = [MemberStatus.Candidate, MemberStatus.Member];
        MemberStatus[] current = [MemberStatus.Candidate, MemberStatus.Member, MemberStatus.Suspended];
        var list = new List<MembershipTransition>
        {
            new(null, Apply, MemberStatus.Applicant),
            new(MemberStatus.Applicant, MembershipEventKind.Admit, MemberStatus.Candidate),
            // When the statutes want the next higher committee to ratify, admission waits for it.
            new(MemberStatus.Applicant, MembershipEventKind.Admit, MemberStatus.Admitted),
            new(MemberStatus.Admitted, MembershipEventKind.Ratify, MemberStatus.Candidate),
            new(MemberStatus.Candidate, MembershipEventKind.Confirm, MemberStatus.Member),
            new(MemberStatus.Candidate, MembershipEventKind.ExtendProbation, MemberStatus.Candidate),
            new(MemberStatus.Candidate, MembershipEventKind.Reject, MemberStatus.Rejected),
            new(MemberStatus.Member, MembershipEventKind.Suspend, MemberStatus.Suspended),
            new(MemberStatus.Suspended, MembershipEventKind.Reinstate, MemberStatus.Member),
        };
        foreach (var s in serving)
        {
            list.Add(new(s, MembershipEventKind.Transfer, s));
            list.Add(new(s, MembershipEventKind.Warn, s));
            list.Add(new(s, MembershipEventKind.WarnSeverely, s));
        }
        foreach (var s in current) list.Add(new(s, MembershipEventKind.Expel, MemberStatus.Expelled));
        // Overturning a decision on appeal restores the status the member had before it.
        foreach (var s in serving) list.Add(new(s, MembershipEventKind.Overturn, s));
        list.Add(new(MemberStatus.Suspended, MembershipEventKind.Overturn, MemberStatus.Member));
        foreach (var s in current) list.Add(new(MemberStatus.Expelled, MembershipEventKind.Overturn, s));
        foreach (var s in current) list.Add(new(s, MembershipEventKind.Resign, MemberStatus.Resigned));
        foreach (var s in current) list.Add(new(s, MembershipEventKind.Lapse, MemberStatus.Lapsed));
        foreach (var s in new[] { MemberStatus.Applicant, MemberStatus.Admitted, MemberStatus.Candidate, MemberStatus.Member, MemberStatus.Suspended })
            list.Add(new(s, MembershipEventKind.Die, MemberStatus.Deceased));
        // Readmission starts a new probation.
        foreach (var s in new[] { MemberStatus.Resigned, MemberStatus.Lapsed, MemberStatus.Expelled, MemberStatus.Rejected, MemberStatus.Former })
            list.Add(new(s, MembershipEventKind.Readmit, MemberStatus.Candidate));
        return list;
    }
}
