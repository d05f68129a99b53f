namespace ServiceDesk.Api.Tests.Infrastructure;

/// <summary>
/// Another host on the database of an existing one: what a restarted service (or a second instance) sees. It runs
/// the whole start-up again (migrate, seed, bootstrap key) and leaves the database to its owner when disposed.
/// </summary>
public sealed class SameDatabaseApiFactory(TestDatabase database) : ServiceDeskApiFactory(database, ownsDatabase: false);
