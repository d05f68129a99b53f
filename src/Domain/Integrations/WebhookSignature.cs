using System.Security.Cryptography;
using System.Text;

namespace ServiceDesk.Domain.Integrations;

/// <summary>
/// How deliveries are signed: <c>X-ServiceDesk-Signature: sha256=&lt;lowercase hex HMAC-SHA256 of "{timestamp}.{raw body}"&gt;</c>,
/// keyed with the UTF-8 bytes of the subscription's secret, <c>timestamp</c> being <c>X-ServiceDesk-Timestamp</c>
/// (unix seconds). During a rotation's overlap the header carries one signature per secret, comma-separated, the
/// current secret's first.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>The header value for a delivery signed with every secret in <paramref name="secrets"/>.</summary>
    public static string Header(IEnumerable<string> secrets, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var signatures = new List<string>();
        foreach (var secret in secrets)
            signatures.Add(Sign(secret, timestamp, body));
        return string.Join(',', signatures);
    }
}
