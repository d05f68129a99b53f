namespace ServiceDesk.Api.Common;

/// <summary>Problem <c>type</c> URIs: one per rule, so clients can branch on them.</summary>
public static class ProblemTypes
{
    public const string Base = "https://servicedesk.dev/problems/";

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
        _ => "about:blank",
    };
}
