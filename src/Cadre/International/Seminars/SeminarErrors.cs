using Cadre.Common;

namespace Cadre.International.Seminars;

public sealed record SeminarNotFound() : NotFoundError("There is no such seminar or meeting among those you may see.");

public sealed record SeminarEndsBeforeStart(DateOnly StartsOn)
    : InvalidField("EndsOn", $"The event began on {StartsOn:yyyy-MM-dd}: it cannot end before it starts.");

public sealed record PartyAlreadyParticipates() : ConflictError("The party is already listed among the participants.");

public sealed record PaperPartyNotParticipating()
    : InvalidField("PartyId", "The author's party is neither the host nor among the participants: add it as a participant first.");

public sealed record PaperDocumentNotFound() : InvalidField("DocumentId", "There is no such document in the library.");
