namespace ServiceDesk.Domain.ServiceDesk;

/// <summary>What every record the desk numbers (incident, service request, change, problem) has in common.</summary>
public static class DeskRecord
{
    /// <summary>A kind prefix and six digits (INC000001, CHG000001, PRB000001), stored in up to 16 characters.</summary>
    public const int NumberMaxLength = 16;

    /// <summary>The intake takes one summary and description whatever it raises, so every kind shares these limits.</summary>
    public const int SummaryMaxLength = 200;

    public const int DescriptionMaxLength = 8000;

    /// <summary>The caller's own reference (<c>externalReference</c>), by which an integration finds its record again.</summary>
    public const int ExternalReferenceMaxLength = 100;
}
