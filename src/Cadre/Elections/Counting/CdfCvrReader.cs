using System.Text.Json;
using Cadre.Common;

namespace Cadre.Elections.Counting;

public sealed record CvrNotReadable(string Reason) : InvalidField("File", $"The cast vote records cannot be read: {Reason}");

/// Reads ranked cast vote records in the NIST SP 1500-103 common data format (JSON), as voting machines and RCTab
/// write them, for one contest: each record's current snapshot gives its marks by rank; several candidates at one rank
/// become an equal ranking (an overvote), a rank with no mark a skipped rank, and a candidate marked again at a later
/// rank keeps only the first mark. Every record is one ballot of weight 1.
public static class CdfCvrReader
{
    public static Result<BallotSet> Read(Stream stream, string? contest = null, int seats = 1)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            return new CvrNotReadable(e.Message);
        }
        using (document)
        {
            try
            {
                return Read(document.RootElement, contest, seats);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return new CvrNotReadable(e.Message);
            }
        }
    }

    private static Result<BallotSet> Read(JsonElement root, string? contestName, int seats)
    {
        var election = root.GetProperty("Election")[0];
        var names = election.GetProperty("Candidate").EnumerateArray()
            .ToDictionary(c => c.GetProperty("@id").GetString()!, c => c.GetProperty("Name").GetString()!);
        var contests = election.GetProperty("Contest").EnumerateArray().ToList();
        var contest = contestName is null && contests.Count == 1 ? contests[0]
            : contests.FirstOrDefault(c => c.GetProperty("@id").GetString() == contestName || c.GetProperty("Name").GetString() == contestName);
        if (contest.ValueKind != JsonValueKind.Object) return new CvrNotReadable($"there is no contest '{contestName}'.");
        var contestId = contest.GetProperty("@id").GetString()!;
        var selections = contest.GetProperty("ContestSelection").EnumerateArray().ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidates = new List<Candidate>();
        foreach (var selection in selections)
        {
            index[selection.GetProperty("@id").GetString()!] = candidates.Count;
            var ids = selection.GetProperty("CandidateIds").EnumerateArray().Select(i => names[i.GetString()!]);
            candidates.Add(new Candidate(string.Join(" / ", ids)));
        }
        var builder = new BallotSetBuilder(contest.GetProperty("Name").GetString() ?? contestId, seats, candidates);
        var byRank = new SortedDictionary<int, List<int>>();
        foreach (var record in root.GetProperty("CVR").EnumerateArray())
        {
            var current = record.GetProperty("CurrentSnapshotId").GetString();
            var snapshot = record.GetProperty("CVRSnapshot").EnumerateArray().First(s => s.GetProperty("@id").GetString() == current);
            byRank.Clear();
            foreach (var cvrContest in snapshot.GetProperty("CVRContest").EnumerateArray())
            {
                if (cvrContest.GetProperty("ContestId").GetString() != contestId) continue;
                foreach (var selection in cvrContest.GetProperty("CVRContestSelection").EnumerateArray())
                {
                    var id = selection.GetProperty("ContestSelectionId").GetString()!;
                    if (!index.TryGetValue(id, out var c)) return new CvrNotReadable($"a record marks the unknown selection '{id}'.");
                    foreach (var position in selection.GetProperty("SelectionPosition").EnumerateArray())
                    {
                        if (position.TryGetProperty("HasIndication", out var indication) && indication.GetString() == "no") continue;
                        var rank = position.GetProperty("Rank").GetInt32();
                        if (!byRank.TryGetValue(rank, out var group)) byRank[rank] = group = [];
                        group.Add(c);
                    }
                }
            }
            var ranking = new List<List<int>>();
            var seen = new HashSet<int>();
            var last = byRank.Count == 0 ? 0 : byRank.Keys.Max();
            for (var rank = 1; rank <= last; rank++)
            {
                var group = byRank.TryGetValue(rank, out var marks) ? marks.Where(seen.Add).ToList() : [];
                ranking.Add(group);
            }
            builder.Add(1, ranking);
        }
        return builder.Build();
    }
}
