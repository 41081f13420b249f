using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

/// Corrects a party's names, country and years, or records its family, website and notes. For a party that came from
/// Party Facts the next import brings back Party Facts' names and years; family, website and notes stay.
public static class ChangeParty
{
    public sealed record Request
    {
        public PartyDetails Details { get; init; } = new();

        public string? Family { get; init; }

        public string? Website { get; init; }

        public string? Notes { get; init; }

        /// The version the change was made on; a concurrent change since is refused instead of overwritten.
        public int? ExpectedVersion { get; init; }
    }

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int partyId, Request request, CancellationToken ct)
    {
        var party = await db.Parties.SingleOrDefaultAsync(p => p.Id == partyId, ct);
        if (party is null) return new PartyNotFound();
        if (!await InternationalAccess.KeepsRegistryAsync(db, actor, ct)) return new RegistryNotPermitted();
        if (request.ExpectedVersion is { } expected && expected != party.Version) return new Members.ConcurrentChange();
        var errors = Party.Check(request.Details ?? new PartyDetails());
        if (errors.Count > 0) return new ValidationFailed(errors);
        party.Change(request.Details!);
        var described = party.Describe(request.Family, request.Website, request.Notes);
        if (!described.IsSuccess) return described.Error;
        return await InternationalAccess.SaveAsync(db, ct);
    }
}
