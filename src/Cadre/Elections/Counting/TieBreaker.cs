using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cadre.Elections.Counting;

/// A draw by lot anyone can repeat: SHA-256 of "seed|stage|purpose|tied candidate numbers|attempt" read as an unsigned
/// 64-bit number (big-endian), taken modulo the number of tied candidates, with rejection of the few values that would
/// favour the first ones; the candidates are in ballot-paper order. docs/elections.md gives an example.
public static class Lot
{
    public static int Draw(long seed, int stage, string purpose, IReadOnlyList<int> tied)
    {
        var sorted = tied.Order().ToList();
        var n = (ulong)sorted.Count;
        var limit = ulong.MaxValue - ulong.MaxValue % n;
        for (var attempt = 0; ; attempt++)
        {
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{seed}|{stage}|{purpose}|{string.Join(',', sorted.Select(c => c + 1))}|{attempt}");
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
            var value = BinaryPrimitives.ReadUInt64BigEndian(hash);
            if (value < limit) return sorted[(int)(value % n)];
        }
    }
}

/// Breaks ties as the count's rules prescribe: by the candidates' votes at earlier stages (looking back from the most
/// recent stage, or forward from the first), then by lot; records every decision for the report.
internal sealed class TieBreaker(long seed, IReadOnlyList<Candidate> candidates)
{
    public List<TieBreak> Breaks { get; } = [];

    /// Chooses one of the tied candidates: the one with the fewest (lowest) or most votes at the earlier stages
    /// (history[i] holds every candidate's votes after stage i + 1), narrowing the tie stage by stage.
    public int Choose(int stage, string purpose, IReadOnlyList<int> tied, IReadOnlyList<IReadOnlyList<long?>> history, bool lowest, bool mostRecentFirst)
    {
        if (tied.Count == 1) return tied[0];
        var remaining = tied.ToList();
        var order = mostRecentFirst ? Enumerable.Range(0, history.Count).Reverse() : Enumerable.Range(0, history.Count);
        foreach (var s in order)
        {
            var values = remaining.Select(c => history[s][c] ?? 0).ToList();
            var target = lowest ? values.Min() : values.Max();
            var kept = remaining.Where((_, i) => values[i] == target).ToList();
            if (kept.Count == remaining.Count) continue;
            remaining = kept;
            if (remaining.Count == 1)
            {
                var chosen = remaining[0];
                Breaks.Add(new TieBreak(stage, purpose, [.. tied], chosen, TieBreakMethod.EarlierStage, s + 1,
                    $"Tie for {purpose} between {Names(tied)}: {candidates[chosen].Name} had the {(lowest ? "fewest" : "most")} votes at stage {s + 1}."));
                return chosen;
            }
        }
        var drawn = Lot.Draw(seed, stage, purpose, remaining);
        var narrowed = remaining.Count < tied.Count ? $" (earlier stages left {Names(remaining)})" : "";
        Breaks.Add(new TieBreak(stage, purpose, [.. tied], drawn, TieBreakMethod.Lot, null,
            $"Tie for {purpose} between {Names(tied)}{narrowed}, equal at every earlier stage: {candidates[drawn].Name} drawn by lot (seed {seed})."));
        return drawn;
    }

    /// Orders candidates by votes (most first), ties decided by <see cref="Choose"/> looking back at earlier stages.
    public List<int> OrderByVotes(int stage, string purpose, IEnumerable<int> group, IReadOnlyList<long> votes, IReadOnlyList<IReadOnlyList<long?>> history, bool mostRecentFirst)
    {
        var left = group.ToList();
        var ordered = new List<int>();
        while (left.Count > 0)
        {
            var top = left.Max(c => votes[c]);
            var tied = left.Where(c => votes[c] == top).ToList();
            var next = Choose(stage, purpose, tied, history, lowest: false, mostRecentFirst);
            ordered.Add(next);
            left.Remove(next);
        }
        return ordered;
    }

    private string Names(IEnumerable<int> group) => string.Join(", ", group.Select(c => candidates[c].Name));
}
