using Cadre.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cadre.Web.Infrastructure;

/// The one mapping of named errors to HTTP (STYLE.md habit 3): problem details for the API, field errors for forms.
public static class Problems
{
    public static int StatusOf(Error error) => error switch
    {
        NotFoundError => StatusCodes.Status404NotFound,
        ForbiddenError => StatusCodes.Status403Forbidden,
        ConflictError => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult ToProblem(this Error error)
    {
        var type = error.GetType().Name;
        if (error is ValidationFailed or InvalidField)
        {
            var fields = error is ValidationFailed v ? v.Errors : [(InvalidField)error];
            var dictionary = fields.GroupBy(f => string.IsNullOrEmpty(f.FieldName) ? "" : JsonName(f.FieldName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());
            return TypedResults.ValidationProblem(dictionary, detail: error.Message, title: "The request is not valid.",
                extensions: new Dictionary<string, object?> { ["code"] = type });
        }
        return TypedResults.Problem(detail: error.Message, statusCode: StatusOf(error), title: Title(error),
            extensions: new Dictionary<string, object?> { ["code"] = type });
    }

    public static IResult ToResult<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : result.Error.ToProblem();

    /// Puts an error on the form: on its field when it has one, otherwise at the top of the form.
    /// renames maps a use case's field name to the form's (e.g. NewParentId to NewParentCode when the form asks for a code).
    public static void AddTo(this Error error, ModelStateDictionary modelState, string prefix = "Input", IReadOnlyDictionary<string, string>? renames = null)
    {
        var fields = error is ValidationFailed v ? v.Errors : error is InvalidField f ? [f] : [];
        if (fields.Count == 0)
        {
            modelState.AddModelError("", error.Message);
            return;
        }
        foreach (var field in fields)
        {
            var name = renames is not null && renames.TryGetValue(field.FieldName, out var renamed) ? renamed : field.FieldName;
            modelState.AddModelError(string.IsNullOrEmpty(name) ? "" : $"{prefix}.{name}", field.Message);
        }
    }

    private static string Title(Error error) => error switch
    {
        NotFoundError => "Not found.",
        ForbiddenError => "Not permitted.",
        ConflictError => "The request conflicts with the current state.",
        _ => "The request is not valid.",
    };

    private static string JsonName(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
