using Cadre.Common;

namespace Cadre.International;

public sealed record PartyNotFound() : NotFoundError("There is no such party in the registry.");

public sealed record PartyFieldNotFound(string FieldName) : InvalidField(FieldName, "There is no such party in the registry.");

public sealed record RegistryNotPermitted()
    : ForbiddenError("Only the international department of the top organization (or an administrator) keeps the registry of parties.");

public sealed record InternationalNotPermitted() : ForbiddenError("You may not keep the international work of this organization.");

public sealed record InternationalOrganizationNotFound()
    : InvalidField("OrganizationId", "There is no such organization among those whose international work you keep.");

public sealed record InternationalScopeNotFound() : NotFoundError("There is no such organization among those whose international work you read.");

public sealed record PartyFactsIdTaken(int PartyFactsId) : ConflictError($"Another party already has the Party Facts id {PartyFactsId}.");

public sealed record UnknownPartyStatus(string Value) : InvalidField("status", $"\"{Value}\" is not a status of a party: active or dissolved.");

public sealed record UnknownCountry(string Value) : InvalidField("country", $"\"{Value}\" is not a country code (ISO 3166-1 alpha-3, such as FRA or VNM).");

public sealed record RelationAlreadyAt(RelationStatus Status) : ConflictError($"The relation is already {Status.ToString().ToLowerInvariant()}.");

public sealed record RelationChangeBeforeLast(DateOnly Since)
    : InvalidField("On", $"The relation last changed on {Since:yyyy-MM-dd}: a change is recorded on that day or later.");

public sealed record ExchangeNotFound() : NotFoundError("There is no such exchange among those you may see.");

public sealed record ContactNotFound() : NotFoundError("There is no such contact among those you may see.");

public sealed record ContactAlreadyEnded(DateOnly On) : ConflictError($"The contact already ended on {On:yyyy-MM-dd}.");

public sealed record ExchangeDocumentNotFound() : InvalidField("DocumentId", "There is no such document in the library.");

public sealed record DeclarationNotFound() : NotFoundError("There is no such declaration among those you may see.");

public sealed record DeclarationTextUnchanged(string Language) : ConflictError($"The text in {Language} is the same as its current version.");

public sealed record AlreadySignatory(DateOnly SignedOn) : ConflictError($"The party already signed the declaration, on {SignedOn:yyyy-MM-dd}.");

public sealed record SignatoryWithdrawn(DateOnly SignedOn, DateOnly WithdrawnOn)
    : ConflictError($"The party signed on {SignedOn:yyyy-MM-dd} and withdrew on {WithdrawnOn:yyyy-MM-dd}.");

public sealed record NotASignatory() : InvalidField("PartyId", "The party has not signed the declaration.");
