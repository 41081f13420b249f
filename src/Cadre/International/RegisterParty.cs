using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.International;

/// The international department enters a party that Party Facts does not list (a new party, a movement, a front).
public static class RegisterParty
{
    public sealed record Request
    {
        public PartyDetails Details { get; init; } = new();

        public string? Family { get; init; }

        public string? Website { get; init; }

        public string? Notes { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (!await InternationalAccess.KeepsRegistryAsync(db, actor, ct)) return new RegistryNotPermitted();
        var party = Party.Register(request.Details ?? new PartyDetails());
        if (!party.IsSuccess) return party.Error;
        var described = party.Value.Describe(request.Family, request.Website, request.Notes);
        if (!described.IsSuccess) return described.Error;
        db.Parties.Add(party.Value);
        await db.SaveChangesAsync(ct);
        return party.Value.Id;
    }
}
