using Cadre.Common;

namespace Cadre.Education.Library;

public sealed record DocumentNotFound() : NotFoundError("There is no such document in the library.");

public sealed record DocumentVersionNotFound(int Number) : NotFoundError($"The document has no version {Number}.");

public sealed record DocumentKeyTaken(string Key) : ConflictError($"Another document already has the key '{Key}'.");

public sealed record LibraryNotPermitted() : ForbiddenError("You may not change the library of this organization.");

public sealed record LibraryOrganizationNotFound() : InvalidField("OrganizationId", "There is no such organization among those whose library you keep.");

public sealed record SearchTooLong() : InvalidField("Query", $"A search has at most {SearchQuery.MaxLength} characters.");

public sealed record YearRangeReversed() : InvalidField("YearFrom", "The first year is after the last.");

public sealed record DocumentFileEmpty() : InvalidField("File", "The file is empty: choose a document with text in it.");

public sealed record DocumentFileTooLarge(long Bytes)
    : InvalidField("File", $"The file has {Bytes / (1024.0 * 1024):0.0} MB; a document can be at most {LibraryUploads.MaxBytes / (1024 * 1024)} MB.");

public sealed record DocumentFileNotText() : InvalidField("File", "The file is not UTF-8 text (Markdown, plain text or HTML); PDF and word-processor files are not read.");

public sealed record FrontMatterInvalid(string File, int Line, string Problem)
    : InvalidField("File", $"{File}:{Line}: {Problem}");
