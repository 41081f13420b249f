using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Supporters;

/// A secretary records a supporter met at an event, referred by a member, or found otherwise, with the consents they gave.
public static class RegisterSupporter
{
    public sealed record ConsentGiven(ConsentPurpose Purpose, ConsentMethod How, DateOnly? On = null);

    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public SupporterDetails Details { get; init; } = new();

        public SupporterSource Source { get; init; } = SupporterSource.Other;

        public DateOnly? RegisteredOn { get; init; }

        public IReadOnlyList<ConsentGiven> Consents { get; init; } = [];
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        var details = request.Details ?? new SupporterDetails();
        if (Validation.Check(details, details.CheckTags()) is { } invalid) return invalid;
        if (await SupporterAccess.CheckOrganizationAsync(db, actor, request.OrganizationId, ct) is { } refused) return refused;
        var on = request.RegisteredOn ?? db.Today;
        var registered = Supporter.Register(request.OrganizationId, details, request.Source, on, db.Today);
        if (!registered.IsSuccess) return registered.Error;
        var supporter = registered.Value;
        if (supporter.EmailKey is { } key && await db.Supporters.AnyAsync(s => s.OrganizationId == request.OrganizationId && s.EmailKey == key, ct))
            return new SupporterEmailTaken(supporter.Email!);
        foreach (var consent in request.Consents ?? [])
        {
            var given = supporter.GiveConsent(consent.Purpose, consent.On ?? on, consent.How, null, db.Today);
            if (!given.IsSuccess) return given.Error;
        }
        db.Supporters.Add(supporter);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address was registered a moment earlier: the unique index refused the second.
            return new SupporterEmailTaken(supporter.Email ?? "");
        }
        return supporter.Id;
    }
}
