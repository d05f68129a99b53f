using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Integrations;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Infrastructure.Persistence.Outbox;

namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>
/// The one model, shared by every provider. Each provider derives its own context (see <c>Providers/</c>) so that
/// it owns its migrations; nothing else differs between them.
/// </summary>
public abstract class ServiceDeskDbContext(DbContextOptions options) : DbContext(options), IServiceDeskDbContext
{
    public DbSet<ProductLine> ProductLines => Set<ProductLine>();

    public DbSet<ProductSeries> ProductSeries => Set<ProductSeries>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ServiceLevel> ServiceLevels => Set<ServiceLevel>();

    public DbSet<BusinessCalendar> Calendars => Set<BusinessCalendar>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public IQueryable<Application.Reports.RatedTicket> RatedTickets => Set<Application.Reports.RatedTicket>().AsNoTracking();

    public DbSet<TicketComment> TicketComments => Set<TicketComment>();

    public DbSet<TicketHistoryEntry> TicketHistory => Set<TicketHistoryEntry>();

    public DbSet<AssignmentGroup> AssignmentGroups => Set<AssignmentGroup>();

    public DbSet<Change> Changes => Set<Change>();

    public DbSet<ChangeProduct> ChangeProducts => Set<ChangeProduct>();

    public DbSet<ChangeHistoryEntry> ChangeHistory => Set<ChangeHistoryEntry>();

    public DbSet<FreezePeriod> FreezePeriods => Set<FreezePeriod>();

    public DbSet<Problem> Problems => Set<Problem>();

    public DbSet<ProblemHistoryEntry> ProblemHistory => Set<ProblemHistoryEntry>();

    public DbSet<KnowledgeArticle> KnowledgeArticles => Set<KnowledgeArticle>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public void DiscardChanges() => ChangeTracker.Clear();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        var output = PrepareSave();
        int result;
        try
        {
            result = await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.Translate(this, e) is var translated && translated != e)
        {
            // A lost numbering race (412) or a duplicate key (409); see DatabaseErrors.
            throw translated;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        output.Saved();
        return result;
    }

    /// <summary>
    /// The rows <c>Add</c> and <c>SaveChangesAsync</c> would write for a new aggregate (its row with its owned parts,
    /// its new history lines, its events as outbox rows), written by one hand-built command instead of EF Core's update
    /// pipeline: building that wide INSERT was the largest cost of intake (README "Performance"). All or nothing: the
    /// command runs in the current transaction, or in its own (on PostgreSQL, a batch already runs in one implicit
    /// transaction, so no BEGIN/COMMIT round trip is added).
    /// </summary>
    public async Task InsertNewAsync(Entity aggregate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        // The order Add + SaveChanges uses: events, the aggregate, then its rows (they reference it).
        var output = new DomainOutput(aggregate is IHasDomainEvents raising ? [raising] : [], aggregate is IAudited audited ? [audited] : []);
        var rows = new List<object>(output.Raising.SelectMany(EventRows));
        var wakesDispatcher = rows.Count > 0;
        rows.Add(aggregate);
        rows.AddRange(output.Audited.SelectMany(a => a.NewRows));

        // On PostgreSQL, outside a transaction, intakes that arrive together are committed together (InsertGroups).
        if (IsPostgres && Database.CurrentTransaction is null)
            await InsertGroups.For(Database.GetConnectionString()!).InsertAsync(rows, WriteAsync, WriteAloneAsync, cancellationToken);
        else
            await WriteAloneAsync(rows, cancellationToken);

        output.Saved();
        if (wakesDispatcher)
            this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
                .OfType<Integrations.Webhooks.WebhookSignalInterceptor>().FirstOrDefault()?.OutboxWritten();
    }

    /// <summary>
    /// Whether the provider is PostgreSQL, asked of EF Core once per context (a pooled context keeps its provider):
    /// <c>IsNpgsql()</c> reads the provider's assembly name on every call, 1 % of intake's CPU.
    /// </summary>
    private bool IsPostgres => _isPostgres ??= Database.IsNpgsql();

    private bool? _isPostgres;

    /// <summary>Writes <paramref name="rows"/> in one batch through the execution strategy; a failure is the provider's.</summary>
    private Task WriteAsync(List<object> rows, CancellationToken cancellationToken) =>
        InsertStrategy.ExecuteAsync(rows, (_, batch, ct) => InsertAsync(batch, ct), null, cancellationToken);

    /// <summary>
    /// The execution strategy of this context's inserts, made once per context (a pooled context keeps it): each
    /// <c>CreateExecutionStrategy()</c> makes a new strategy with a new <see cref="Random"/>, seeded from the operating
    /// system, about 3 % of an intake's CPU. A strategy starts every execution afresh (it clears the failures it saw),
    /// and a context runs one at a time, as EF Core's queries share one strategy per context.
    /// </summary>
    private IExecutionStrategy InsertStrategy => _insertStrategy ??= Database.CreateExecutionStrategy();

    private IExecutionStrategy? _insertStrategy;

    /// <summary>Writes one request's <paramref name="rows"/>, its failure read as a failed save would be.</summary>
    private async Task WriteAloneAsync(List<object> rows, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(rows, cancellationToken);
        }
        catch (DbException e)
        {
            // A duplicate key is 409 (DuplicateKeyException), anything else stays as it is.
            var failed = new DbUpdateException(e.Message, e);
            if (DatabaseErrors.Translate(this, failed) is var translated && translated != failed)
                throw translated;
            throw;
        }
    }

    private async Task<bool> InsertAsync(List<object> rows, CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var ambient = Database.CurrentTransaction;
            await using var own = ambient is null && !IsPostgres ? await Database.BeginTransactionAsync(cancellationToken) : null;
            await InsertCommands.ExecuteAsync(this, Database.GetDbConnection(), (own ?? ambient)?.GetDbTransaction(), rows, cancellationToken);
            if (own is not null)
                await own.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        var output = PrepareSave();
        int result;
        try
        {
            result = base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateException e) when (DatabaseErrors.Translate(this, e) is var translated && translated != e)
        {
            throw translated;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        output.Saved();
        return result;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ServiceDeskDbContext).Assembly);
        // Not found by the scan above (it takes only configurations with a parameterless constructor): the tickets' and
        // the outbox's partial indexes write their filters in the provider's SQL.
        var sql = this.GetService<ISqlGenerationHelper>();
        modelBuilder.ApplyConfiguration(new Configurations.TicketConfiguration(sql, filtersMayUseOr: !Database.IsSqlServer()));
        modelBuilder.ApplyConfiguration(new Configurations.OutboxMessageConfiguration(sql));

        // Every aggregate's Version is its optimistic-concurrency token (and its ETag).
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
            modelBuilder.Entity(entityType.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
    }

    /// <summary>
    /// Everything a save adds to what the handler changed, with one scan of the tracked entities: the profile of
    /// intake showed change detection run five times per save (each <c>ChangeTracker.Entries</c> call and the save itself
    /// detect changes again), so changes are detected once here, automatic detection is off until the save ends, and
    /// only the aggregates whose version this bumps are scanned again.
    /// </summary>
    private DomainOutput PrepareSave()
    {
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        var output = CollectDomainOutput();
        foreach (var aggregate in BumpVersions())
            Entry(aggregate).DetectChanges();
        return output;
    }

    /// <summary>
    /// Domain events become outbox rows, and every audited aggregate's new rows (history lines, a ticket's comments) are inserted, all in
    /// the same save (one transaction) as the change that produced them.
    /// </summary>
    private DomainOutput CollectDomainOutput()
    {
        var raising = ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).ToList();
        foreach (var aggregate in raising)
            OutboxMessages.AddRange(EventRows(aggregate));

        var audited = ChangeTracker.Entries<IAudited>().Select(e => e.Entity).ToList();
        foreach (var aggregate in audited)
            AddRange(aggregate.NewRows);

        return new DomainOutput(raising, audited);
    }

    /// <summary>An aggregate's pending events as outbox rows.</summary>
    private static IEnumerable<OutboxMessage> EventRows(IHasDomainEvents aggregate) =>
        aggregate.DomainEvents.Select(e => OutboxMessage.For(e, CustomerOf(aggregate)));

    /// <summary>The customer an aggregate's events are about, for subscriptions filtered by customer.</summary>
    private static Guid? CustomerOf(IHasDomainEvents aggregate) => aggregate switch
    {
        Ticket ticket => ticket.CustomerId,
        Change change => change.CustomerId,
        _ => null,
    };

    /// <summary>What a save wrote for the aggregates; once it is saved, they start afresh.</summary>
    private sealed record DomainOutput(List<IHasDomainEvents> Raising, List<IAudited> Audited)
    {
        public void Saved()
        {
            Raising.ForEach(aggregate => aggregate.ClearDomainEvents());
            Audited.ForEach(aggregate => aggregate.NewRowsSaved());
        }
    }

    /// <summary>
    /// Each modified aggregate gets a new version; the UPDATE is conditional on the version it was read with. An
    /// aggregate whose owned rows alone changed (an agreement's product list) counts as modified too, so its ETag
    /// changes and a concurrent writer is caught by the version check.
    /// </summary>
    private HashSet<Entity> BumpVersions()
    {
        var changed = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Entity is Entity aggregate)
                changed.Add(aggregate);
            else if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Metadata.IsOwned()
                && OwnerOf(entry) is { State: EntityState.Unchanged or EntityState.Modified, Entity: Entity owner })
                changed.Add(owner);
        }

        foreach (var aggregate in changed)
            aggregate.IncrementVersion();
        return changed;
    }

    /// <summary>The tracked entry that owns an owned entry (found by the ownership's foreign key).</summary>
    private EntityEntry? OwnerOf(EntityEntry owned)
    {
        var ownership = owned.Metadata.FindOwnership()!;
        var key = ownership.Properties.Select(p => owned.Property(p.Name).CurrentValue).ToArray();
        return ChangeTracker.Entries()
            .Where(e => e.Metadata == ownership.PrincipalEntityType)
            .FirstOrDefault(e => ownership.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(key));
    }
}
