namespace ServiceDesk.Domain.Common;

/// <summary>
/// A business rule refused an operation. <see cref="Rule"/> is a stable, kebab-case name of the rule
/// (it becomes the problem <c>type</c> over HTTP); <see cref="Kind"/> says whether the request conflicts
/// with the current state (409) or is semantically unacceptable (422).
/// </summary>
public class DomainException : Exception
{
    public DomainException(string rule, string message, DomainErrorKind kind = DomainErrorKind.Unprocessable, string? field = null)
        : base(message)
    {
        Rule = rule;
        Kind = kind;
        Field = field;
    }

    public string Rule { get; }

    public DomainErrorKind Kind { get; }

    /// <summary>The request field the rule is about, when there is one (reported in <c>errors</c>).</summary>
    public string? Field { get; }

    /// <summary>Facts a client can act on (each becomes a member of the problem), e.g. the changes a window conflicts with.</summary>
    public IReadOnlyDictionary<string, object?>? Details { get; init; }

    public static DomainException IllegalTransition(string entity, object currentState, string action) =>
        new(RuleNames.IllegalTransition,
            $"Cannot {action} {Article(entity)} {entity} that is {currentState}.",
            DomainErrorKind.Conflict);

    public static DomainException Invalid(string field, string message) =>
        new("validation", message, DomainErrorKind.Invalid, field);

    /// <summary>A retired catalog product is used for something new (or reactivated by a status edit).</summary>
    public static DomainException ProductRetired(string message, string field, DomainErrorKind kind = DomainErrorKind.Unprocessable) =>
        new(RuleNames.ProductRetired, message, kind, field);

    /// <summary>Unlinking something that is not linked.</summary>
    public static DomainException NotLinked(string message) =>
        new(RuleNames.NotLinked, message, DomainErrorKind.Conflict);

    /// <summary>A change submitted as Standard that is not low risk or not made of requestable products.</summary>
    public static DomainException NotAStandardChange(string message) =>
        new(RuleNames.NotAStandardChange, message, DomainErrorKind.Unprocessable, "type");

    /// <summary>Root cause and workaround, or what is made from them, before the problem is a known error.</summary>
    public static DomainException NotAKnownError(string message, string field, DomainErrorKind kind) =>
        new(RuleNames.NotAKnownError, message, kind, field);

    /// <summary>A change named as the cause or the fix of something it cannot be, not having been carried out.</summary>
    public static DomainException ChangeNotImplemented(string message, string field) =>
        new(RuleNames.ChangeNotImplemented, message, DomainErrorKind.Unprocessable, field);

    /// <summary>A ticket rated before it is resolved.</summary>
    public static DomainException NotResolved(string message) =>
        new(RuleNames.NotResolved, message, DomainErrorKind.Conflict);

    /// <summary>A ticket rated a second time (the customer rates once).</summary>
    public static DomainException AlreadyRated(string message) =>
        new(RuleNames.AlreadyRated, message, DomainErrorKind.Conflict);

    /// <summary>A webhook URL that reaches a loopback, private, link-local or otherwise non-public address.</summary>
    public static DomainException PrivateTarget(string message) =>
        new(RuleNames.PrivateTarget, message, DomainErrorKind.Unprocessable, "url");

    // "an incident", "an API key", "a service request": the message is read by people.
    private static string Article(string noun) =>
        noun.Length > 0 && "aeiouAEIOU".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";
}

public enum DomainErrorKind
{
    /// <summary>A value breaks an invariant (400, naming the field).</summary>
    Invalid,

    /// <summary>The operation conflicts with the current state (409).</summary>
    Conflict,

    /// <summary>The operation is understood but refused by a business rule (422).</summary>
    Unprocessable,
}
