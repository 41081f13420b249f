using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Supporters;

/// A supporter applies for membership: the application goes through the admission flow as any other (SubmitApplication,
/// with its sponsors and checks), and the supporter is linked to the new applicant and marked converted, in one transaction.
public static class ConvertSupporter
{
    public sealed record Request
    {
        /// The applicant's personal data; the pages prefill it from the supporter.
        public PersonalData Person { get; init; } = new();

        /// The primary organization applied to (the supporter's own when it is one).
        public int OrganizationId { get; init; }

        public IReadOnlyList<string> Sponsors { get; init; } = [];

        public DateOnly? On { get; init; }

        public string? Note { get; init; }
    }

    public static async Task<Result<SubmitApplication.Submitted>> HandleAsync(CadreDbContext db, Actor actor, int supporterId, Request request,
        CancellationToken ct)
    {
        var loaded = await SupporterAccess.LoadToKeepAsync(db, actor, supporterId, ct);
        if (!loaded.IsSuccess) return loaded.Error;
        var supporter = loaded.Value;
        if (supporter.IsErased) return new SupporterErased();
        if (supporter.MemberId is not null) return new SupporterAlreadyConverted();
        // The application belongs to the supporter's organization or one below it.
        if (request.OrganizationId != supporter.OrganizationId
            && !await db.OrganizationPaths.AnyAsync(p => p.AncestorId == supporter.OrganizationId && p.DescendantId == request.OrganizationId, ct))
            return new InvalidField("OrganizationId", "Choose the supporter's organization or a primary organization below it.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var note = $"Supporter since {supporter.RegisteredOn:yyyy-MM-dd}" + (string.IsNullOrWhiteSpace(request.Note) ? "" : ". " + request.Note.Trim());
        var submitted = await SubmitApplication.HandleAsync(db, actor, new SubmitApplication.Request
        {
            Person = request.Person ?? new PersonalData(), OrganizationId = request.OrganizationId, Sponsors = request.Sponsors ?? [], On = request.On, Note = note,
        }, ct);
        if (!submitted.IsSuccess) return submitted.Error;
        var converted = supporter.BecameApplicant(submitted.Value.MemberId, request.On ?? db.Today);
        if (!converted.IsSuccess) return converted.Error;
        var saved = await SupporterAccess.SaveAsync(db, ct);
        if (!saved.IsSuccess) return saved.Error;
        await transaction.CommitAsync(ct);
        return submitted.Value;
    }
}
