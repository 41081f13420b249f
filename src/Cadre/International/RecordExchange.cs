using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

/// Records a delegation sent or received with its members, a message, an agreement or a memorandum.
public static class RecordExchange
{
    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public int PartyId { get; init; }

        public ExchangeKind Kind { get; init; }

        public MessageKind? MessageKind { get; init; }

        public string Title { get; init; } = "";

        public DateOnly On { get; init; }

        public DateOnly? Until { get; init; }

        public string? Place { get; init; }

        public string? Summary { get; init; }

        public int? DocumentId { get; init; }

        public string? Reference { get; init; }

        public IReadOnlyList<DelegateEntry> Delegates { get; init; } = [];
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (await InternationalAccess.CheckOrganizationAsync(db, actor, request.OrganizationId, ct) is { } refused) return refused;
        if (!await db.Parties.AnyAsync(p => p.Id == request.PartyId, ct)) return new PartyFieldNotFound("PartyId");
        if (request.DocumentId is { } documentId && !await db.Documents.AnyAsync(d => d.Id == documentId, ct)) return new ExchangeDocumentNotFound();
        var exchange = Exchange.Record(request.OrganizationId, request.PartyId, request.Kind, request.MessageKind, request.Title ?? "", request.On, request.Until,
            request.Place, request.Summary, request.DocumentId, request.Reference, request.Delegates ?? []);
        if (!exchange.IsSuccess) return exchange.Error;
        db.Exchanges.Add(exchange.Value);
        await db.SaveChangesAsync(ct);
        return exchange.Value.Id;
    }
}
