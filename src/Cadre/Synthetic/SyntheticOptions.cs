using Cadre.Common;

namespace Cadre.Synthetic;

/// What to generate: how many members, from which seed, with how many years of history.
public sealed record SyntheticOptions(int Members, int Seed = 1, int Years = 2)
{
    public const int MaxMembers = 20_000_000;
    public const int MaxYears = 10;
}

/// Progress of one step: Done of Total units (organizations, members, index rebuilds).
public sealed record SyntheticProgress(string Step, long Done, long Total);

/// What the seed wrote, table by table.
public sealed record SyntheticCounts(int Seed, int Organizations, int Members, long Candidates, long Transfers, long Lapses,
    long MembershipEvents, long OrganizationPaths, long DeclaredIncomes, long Payments, long PaymentAllocations);

public sealed record SyntheticNeedsEmptyDatabase(int Organizations, int Members)
    : ConflictError($"The database already has {Organizations} organization(s) and {Members} member(s): the synthetic party is seeded only into an empty database.");

public sealed record SyntheticNeedsFourLevels(int Levels)
    : ConflictError($"The synthetic party needs at least four levels (central, regional, district, primary); there are {Levels}.");
