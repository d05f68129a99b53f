using System.Buffers.Binary;

namespace ServiceDesk.BulkLoad;

/// <summary>
/// Version 7 GUIDs like <see cref="Guid.CreateVersion7(DateTimeOffset)"/> makes them (the instant's Unix milliseconds
/// first, then random bits), the random bits from a seeded generator, so the same seed gives the same ids.
/// </summary>
internal sealed class DeterministicIds(int seed)
{
    private readonly Random _random = new(seed);

    public Guid At(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, at.ToUnixTimeMilliseconds());
        time[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
