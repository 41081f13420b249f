using System.ComponentModel.DataAnnotations;

namespace Cadre.Common;

/// Runs the data annotations of a request record and turns them into one named error.
public static class Validation
{
    public static ValidationFailed? Check(object request, params IEnumerable<InvalidField> extra)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        var errors = results
            .Select(r => new InvalidField(r.MemberNames.FirstOrDefault() ?? "", r.ErrorMessage ?? "The value is not valid."))
            .Concat(extra)
            .ToList();
        return errors.Count == 0 ? null : new ValidationFailed(errors);
    }
}
