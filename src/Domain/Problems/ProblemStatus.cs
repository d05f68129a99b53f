namespace ServiceDesk.Domain.Problems;

public enum ProblemStatus
{
    New,
    Investigating,
    KnownError,
    Resolved,
    Closed,
}
