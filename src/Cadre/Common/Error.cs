namespace Cadre.Common;

/// Expected failures are values (STYLE.md habit 3). Each kind maps to one HTTP status in the web host.
public abstract record Error(string Message)
{
    /// The form field the error belongs to, when it belongs to one.
    public virtual string? Field => null;
}

public abstract record NotFoundError(string Message) : Error(Message);

public abstract record ConflictError(string Message) : Error(Message);

public abstract record ForbiddenError(string Message) : Error(Message);

/// A field-level problem with the request itself.
public record InvalidField(string FieldName, string Message) : Error(Message)
{
    public override string? Field => FieldName;
}

/// Several field-level problems found at once, so a form can show all of them.
public sealed record ValidationFailed(IReadOnlyList<InvalidField> Errors)
    : Error(Errors.Count == 1 ? Errors[0].Message : $"{Errors.Count} fields are not valid.");
