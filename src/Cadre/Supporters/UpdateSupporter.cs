using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Supporters;

/// Corrects a supporter's name, contacts, source, interests or notes.
public static class UpdateSupporter
{
    public sealed record Request
    {
        public SupporterDetails Details { get; init; } = new();

        public SupporterSource Source { get; init; } = SupporterSource.Other;

        /// The version the editor saw: a concurrent change is refused rather than overwritten.
        public int? ExpectedVersion { get; init; }
    }

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int supporterId, Request request, CancellationToken ct)
    {
        var details = request.Details ?? new SupporterDetails();
        var loaded = await SupporterAccess.LoadToKeepAsync(db, actor, supporterId, ct);
        if (!loaded.IsSuccess) return loaded.Error;
        var supporter = loaded.Value;
        if (Validation.Check(details, details.CheckTags()) is { } invalid) return invalid;
        if (request.ExpectedVersion is { } expected && expected != supporter.Version) return new Members.ConcurrentChange();
        var updated = supporter.Update(details, request.Source);
        if (!updated.IsSuccess) return updated;
        if (supporter.EmailKey is { } key
            && await db.Supporters.AnyAsync(s => s.OrganizationId == supporter.OrganizationId && s.EmailKey == key && s.Id != supporter.Id, ct))
            return new SupporterEmailTaken(supporter.Email!);
        return await SupporterAccess.SaveAsync(db, ct);
    }
}
