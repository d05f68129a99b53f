namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>One row per ticket kind holding the last number handed out (INC, REQ, CHG, PRB).</summary>
public sealed class NumberSequence
{
    private NumberSequence()
    {
        Prefix = string.Empty;
    }

    public NumberSequence(string prefix)
    {
        Prefix = prefix;
    }

    public string Prefix { get; private set; }

    public long LastValue { get; private set; }
}
