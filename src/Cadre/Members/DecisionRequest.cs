using System.ComponentModel.DataAnnotations;
using Cadre.Data;

namespace Cadre.Members;

/// The fields of every lifecycle form and request body: when, the decision's reference, why, a note.
public record DecisionRequest
{
    public DateOnly? On { get; init; }

    [MaxLength(MembershipEvent.ReferenceMaxLength)]
    public string? Reference { get; init; }

    [MaxLength(MembershipEvent.TextMaxLength)]
    public string? Reason { get; init; }

    [MaxLength(MembershipEvent.TextMaxLength)]
    public string? Note { get; init; }

    internal Decision For(CadreDbContext db, int? decidedById) => new(On ?? db.Today, decidedById, Reference, Reason, Note);
}
