using System.Net;

namespace ServiceDesk.Domain.Integrations;

/// <summary>
/// Which addresses a webhook may be sent to: public unicast only. Loopback, private networks (RFC 1918, carrier-grade
/// NAT 100.64/10, unique-local fc00::/7), link-local (169.254/16, fe80::/10), multicast, broadcast, reserved and
/// unspecified addresses are refused, in IPv4 and IPv6 alike, including IPv4 written inside IPv6 (::ffff:a.b.c.d,
/// 64:ff9b::/96). Guards against a subscription being used to reach the service's own network (SSRF).
/// </summary>
public static class NetworkTargets
{
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var b = address.GetAddressBytes();
        if (b.Length == 4)
            return IsPublicV4(b);

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
            return false;
        if ((b[0] & 0xFE) == 0xFC)
            return false; // fc00::/7 unique local
        if (b[0] == 0xFE && (b[1] & 0x80) == 0x80)
            return false; // fe80::/10 link-local, fec0::/10 old site-local
        if (b[0] == 0xFF)
            return false; // multicast
        if (b.Take(12).All(x => x == 0))
            return false; // ::/96, IPv4-compatible (deprecated) and the unspecified/loopback forms
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.Skip(4).Take(8).All(x => x == 0))
            return IsPublicV4(b[12..]); // 64:ff9b::/96, NAT64 of an IPv4 address
        return true;
    }

    private static bool IsPublicV4(byte[] b) =>
        !(b[0] == 0                                       // 0.0.0.0/8, "this network" (0.0.0.0 included)
          || b[0] == 10                                   // 10/8
          || b[0] == 127                                  // loopback
          || (b[0] == 169 && b[1] == 254)                 // link-local (cloud metadata lives here)
          || (b[0] == 172 && (b[1] & 0xF0) == 16)         // 172.16/12
          || (b[0] == 192 && b[1] == 168)                 // 192.168/16
          || (b[0] == 100 && (b[1] & 0xC0) == 64)         // 100.64/10 carrier-grade NAT
          || (b[0] == 192 && b[1] == 0 && b[2] == 0)      // 192.0.0/24 protocol assignments
          || b[0] >= 224);                                // multicast 224/4, reserved 240/4, broadcast
}
