using ServiceDesk.Domain.Common;

namespace ServiceDesk.Api.Common;

/// <summary>Problem <c>type</c> URIs: one per rule, so clients can branch on them.</summary>
public static class ProblemTypes
{
    public const string Base = "https://servicedesk.dev/problems/";

    /// <summary>The type of a database outage (503), which any route can meet.</summary>
    public const string DatabaseUnavailable = "database-unavailable";

    public static string For(string rule) => Base + rule;

    public static string ForStatus(int status) => status switch
    {
        400 => For("validation"),
        401 => For("unauthorized"),
        403 => For("forbidden"),
        404 => For("not-found"),
        405 => For("method-not-allowed"),
        406 => For("not-acceptable"),
        409 => For("conflict"),
        412 => For("precondition-failed"),
        415 => For("unsupported-media-type"),
        422 => For("unprocessable"),
        429 => For("rate-limited"),
        500 => For("internal"),
        503 => For(DatabaseUnavailable),
        _ => "about:blank",
    };

    /// <summary>
    /// Every rule-named type with the statuses it comes with and what it means: what an operation's description says
    /// about each type it declares. A rule missing here fails the OpenAPI tests.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (int[] Statuses, string Meaning)> Rules = new Dictionary<string, (int[], string)>(StringComparer.Ordinal)
    {
        [RuleNames.IllegalTransition] = ([409], "the resource's current state does not allow this action"),
        [RuleNames.ProductRetired] = ([409, 422], "a retired product cannot be used for anything new"),
        [RuleNames.ServiceLevelRetired] = ([422], "a retired service level cannot be used for new agreements"),
        [RuleNames.ServiceLevelInUse] = ([409], "an agreement uses the service level: retire it instead"),
        [RuleNames.CalendarDateConflict] = ([409], "the date is already the other kind of special day of the calendar"),
        [RuleNames.CustomerInactive] = ([422], "an inactive customer gets no new agreements"),
        [RuleNames.NotEntitled] = ([422], "no active agreement of the customer covers the product"),
        [RuleNames.NotRequestable] = ([422], "the product's kind does not fit the ticket type"),
        [RuleNames.ForbiddenVisibility] = ([422], "customers write public comments only"),
        [RuleNames.NotResolved] = ([409], "a ticket is rated once it is resolved"),
        [RuleNames.AlreadyRated] = ([409], "a ticket is rated once"),
        [RuleNames.AlreadyLinked] = ([409], "the incident is already linked there"),
        [RuleNames.IncidentAlreadyLinked] = ([409], "the incident is linked to another problem"),
        [RuleNames.NotLinked] = ([409], "there is no such link to remove"),
        [RuleNames.NotAKnownError] = ([409, 422], "root cause and workaround come with the known-error step"),
        [RuleNames.ChangeIncomplete] = ([422], "a draft is submitted complete"),
        [RuleNames.NotAStandardChange] = ([422], "a Standard change is Low risk and made of request products"),
        [RuleNames.RequesterCannotApprove] = ([422], "the requester cannot approve the change"),
        [RuleNames.AlreadyApproved] = ([409], "this approver has already approved"),
        [RuleNames.WindowInThePast] = ([422], "the window starts in the past"),
        [RuleNames.ChangeFreeze] = ([422], "the window falls in a freeze period (named in the problem)"),
        [RuleNames.ChangeConflict] = ([409], "the window overlaps other changes on the same products (listed in conflicts)"),
        [RuleNames.ChangeNotImplemented] = ([422], "the change has not been carried out"),
        [RuleNames.ChangeNotSuccessful] = ([422], "the change was not reviewed as successful"),
        [RuleNames.PrivateTarget] = ([422], "webhooks go to public addresses only"),
        [RuleNames.Duplicate] = ([409], "the code (or key) is already taken"),
        [RuleNames.WriteContention] = ([409], "other writes won every retry of this one; retry, or send If-Match"),
        [RuleNames.IdempotencyKeyReused] = ([422], "the Idempotency-Key was used with another request"),
        [RuleNames.IdempotencyInProgress] = ([409], "the first request with this Idempotency-Key is still running"),
    };
}
