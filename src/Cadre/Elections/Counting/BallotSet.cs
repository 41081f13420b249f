namespace Cadre.Elections.Counting;

/// A candidate of a count. Withdrawn candidates stay in the list (their numbers keep their meaning) but are passed
/// over on every ballot, as if they had never stood.
public sealed record Candidate(string Name, string? Party = null, bool Withdrawn = false);

/// One ballot (or several identical ones: Weight is how many, or a delegate's vote weight): a ranking of groups of
/// candidate indexes. A group of two or more is an equal ranking (a=b in BLT); an empty group is a skipped rank.
public sealed record Ballot(long Weight, IReadOnlyList<IReadOnlyList<int>> Ranking);

/// The ballots of one poll, with identical rankings aggregated (their weights added), kept in a flat layout that the
/// counts walk without allocating: ballot b's preferences are Prefs[Starts[b]..Starts[b + 1]].
/// Each preference is a candidate index; <see cref="EqualToPrevious"/> marks one ranked equal to the one before it,
/// and <see cref="Skip"/> is a rank left empty.
public sealed class BallotSet
{
    public const int EqualToPrevious = 1 << 30;
    public const int Skip = -1;
    internal const int CandidateMask = EqualToPrevious - 1;

    internal BallotSet(string title, int seats, IReadOnlyList<Candidate> candidates, long[] weights, int[] starts, int[] prefs)
    {
        Title = title;
        Seats = seats;
        Candidates = candidates;
        Weights = weights;
        Starts = starts;
        Prefs = prefs;
        foreach (var w in weights) TotalWeight += w;
    }

    public string Title { get; }

    /// The number of seats the poll fills (a count may be asked for another number).
    public int Seats { get; }

    public IReadOnlyList<Candidate> Candidates { get; }

    /// The number of distinct rankings.
    public int Count => Weights.Length;

    /// The number of ballots (the sum of the weights).
    public long TotalWeight { get; }

    internal long[] Weights { get; }

    internal int[] Starts { get; }

    internal int[] Prefs { get; }

    public IEnumerable<Ballot> Ballots
    {
        get
        {
            for (var b = 0; b < Count; b++) yield return BallotAt(b);
        }
    }

    public Ballot BallotAt(int index)
    {
        var groups = new List<IReadOnlyList<int>>();
        List<int>? group = null;
        for (var i = Starts[index]; i < Starts[index + 1]; i++)
        {
            var p = Prefs[i];
            if (p == Skip)
            {
                groups.Add([]);
                group = null;
            }
            else if ((p & EqualToPrevious) != 0 && group is not null) group.Add(p & CandidateMask);
            else
            {
                group = [p & CandidateMask];
                groups.Add(group);
            }
        }
        return new Ballot(Weights[index], groups);
    }

    /// The same ballots with other seats, title or withdrawals (what a count of a corrected poll needs).
    public BallotSet With(int? seats = null, string? title = null, IReadOnlyList<Candidate>? candidates = null)
    {
        if (candidates is not null && candidates.Count != Candidates.Count)
            throw new ArgumentException("The candidates must be the same in number and order.", nameof(candidates));
        return new BallotSet(title ?? Title, seats ?? Seats, candidates ?? Candidates, Weights, Starts, Prefs);
    }
}

/// Builds a <see cref="BallotSet"/>, aggregating identical rankings as they come (one hash look-up a ballot, no
/// allocation per ballot), so a million ballots cost memory only for their distinct rankings.
public sealed class BallotSetBuilder
{
    private readonly string title;
    private readonly int seats;
    private readonly IReadOnlyList<Candidate> candidates;
    private readonly List<long> weights = [];
    private readonly List<int> starts = [0];
    private int[] prefs = new int[1024];
    private int prefCount;
    private int[] buckets = new int[1024];
    private int[] next = new int[1024];
    private int[] hashes = new int[1024];

    public BallotSetBuilder(string title, int seats, IReadOnlyList<Candidate> candidates)
    {
        this.title = title;
        this.seats = seats;
        this.candidates = candidates;
        Array.Fill(buckets, -1);
    }

    public int CandidateCount => candidates.Count;

    /// Adds a ballot given as groups of candidate indexes (an empty group is a skipped rank).
    public void Add(long weight, IEnumerable<IEnumerable<int>> ranking)
    {
        var encoded = new List<int>();
        foreach (var group in ranking)
        {
            var first = true;
            foreach (var c in group)
            {
                encoded.Add(first ? c : c | BallotSet.EqualToPrevious);
                first = false;
            }
            if (first) encoded.Add(BallotSet.Skip);
        }
        Add(weight, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(encoded));
    }

    /// Adds a strict ranking (no equal or skipped ranks): the fast path of generators and readers.
    public void AddStrict(long weight, ReadOnlySpan<int> candidatesInOrder) => Add(weight, candidatesInOrder);

    /// Adds a ballot in the encoded form of <see cref="BallotSet"/> (candidate indexes, EqualToPrevious, Skip).
    public void Add(long weight, ReadOnlySpan<int> encoded)
    {
        if (weight <= 0) throw new ArgumentOutOfRangeException(nameof(weight), "A ballot's weight is positive.");
        foreach (var p in encoded)
        {
            if (p == BallotSet.Skip) continue;
            var c = p & BallotSet.CandidateMask;
            if (p < 0 || c >= candidates.Count) throw new ArgumentOutOfRangeException(nameof(encoded), $"There is no candidate {c}.");
        }
        var hash = Hash(encoded);
        for (var i = buckets[hash & (buckets.Length - 1)]; i >= 0; i = next[i])
        {
            if (hashes[i] == hash && prefs.AsSpan(starts[i], starts[i + 1] - starts[i]).SequenceEqual(encoded))
            {
                weights[i] += weight;
                return;
            }
        }
        var index = weights.Count;
        if (prefCount + encoded.Length > prefs.Length) Array.Resize(ref prefs, Math.Max(prefs.Length * 2, prefCount + encoded.Length));
        encoded.CopyTo(prefs.AsSpan(prefCount));
        prefCount += encoded.Length;
        weights.Add(weight);
        starts.Add(prefCount);
        if (index >= next.Length)
        {
            Array.Resize(ref next, next.Length * 2);
            Array.Resize(ref hashes, hashes.Length * 2);
        }
        hashes[index] = hash;
        if (index + 1 > buckets.Length / 2) Rehash(buckets.Length * 4);
        else Link(index);
    }

    public BallotSet Build() => new(title, seats, candidates, [.. weights], [.. starts], prefs[..prefCount]);

    private void Link(int index)
    {
        var bucket = hashes[index] & (buckets.Length - 1);
        next[index] = buckets[bucket];
        buckets[bucket] = index;
    }

    private void Rehash(int size)
    {
        buckets = new int[size];
        Array.Fill(buckets, -1);
        for (var i = 0; i < weights.Count; i++) Link(i);
    }

    private static int Hash(ReadOnlySpan<int> encoded)
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(encoded));
        return hash.ToHashCode();
    }
}
