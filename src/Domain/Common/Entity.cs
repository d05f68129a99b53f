namespace ServiceDesk.Domain.Common;

/// <summary>
/// Base of every persisted aggregate. <see cref="Version"/> is the optimistic-concurrency token; it is
/// bumped by the unit of work on every save and is what the HTTP layer exposes as the ETag.
/// </summary>
public abstract class Entity
{
    public int Version { get; private set; } = 1;

    /// <summary>Called by the persistence layer when the entity is saved with changes.</summary>
    public void IncrementVersion() => Version++;
}
