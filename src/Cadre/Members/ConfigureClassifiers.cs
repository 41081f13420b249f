using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// An administrator keeps the lists of occupation categories and education levels to the party's own.
public static class AddClassifier
{
    public sealed record Request
    {
        [EnumDataType(typeof(ClassifierKind), ErrorMessage = "The list is not one of the known lists.")]
        public ClassifierKind Kind { get; init; }

        [Required(ErrorMessage = "The code is required.")]
        [StringLength(50, ErrorMessage = "The code can have at most 50 characters.")]
        [RegularExpression("^[a-z0-9][a-z0-9-]*$", ErrorMessage = "The code can hold only lower-case letters, digits and -.")]
        public string Code { get; init; } = "";

        [Required(ErrorMessage = "The name is required.")]
        [StringLength(100, ErrorMessage = "The name can have at most 100 characters.")]
        public string Name { get; init; } = "";
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return new ListsNotPermitted();
        if (Validation.Check(request) is { } invalid) return invalid;
        if (await db.Classifiers.AnyAsync(c => c.Kind == request.Kind && c.Code == request.Code, ct)) return new DuplicateClassifierCode(request.Code);
        var order = await db.Classifiers.Where(c => c.Kind == request.Kind).Select(c => (int?)c.SortOrder).MaxAsync(ct) ?? -1;
        var classifier = new Classifier { Kind = request.Kind, Code = request.Code, Name = request.Name.Trim(), SortOrder = order + 1 };
        db.Classifiers.Add(classifier);
        await db.SaveChangesAsync(ct);
        return classifier.Id;
    }
}

public static class RenameClassifier
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int id, string name, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return new ListsNotPermitted();
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 100) return new InvalidField("Name", "The name is required and can have at most 100 characters.");
        var classifier = await db.Classifiers.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (classifier is null) return new ClassifierMissing();
        classifier.Name = name;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public static class RemoveClassifier
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return new ListsNotPermitted();
        var classifier = await db.Classifiers.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (classifier is null) return new ClassifierMissing();
        var used = await db.People.CountAsync(p => p.OccupationId == id || p.EducationId == id, ct);
        if (used > 0) return new ClassifierInUse(classifier.Name, used);
        db.Classifiers.Remove(classifier);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record ListsNotPermitted() : ForbiddenError("Only an administrator may change the lists.");

public sealed record DuplicateClassifierCode(string Code) : InvalidField("Code", $"The list already has the code {Code}.");

public sealed record ClassifierMissing() : NotFoundError("There is no such list entry.");

public sealed record ClassifierInUse(string Name, int Count) : ConflictError($"{Count} person(s) are recorded as {Name}; it cannot be removed.");
