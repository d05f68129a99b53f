using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using ServiceDesk.Application;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Customers;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Infrastructure;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.BulkLoad;

/// <summary>What a load wrote, and how long it took.</summary>
public sealed record BulkLoadReport(int Tickets, long HistoryLines, int Ratings, int Customers, TimeSpan Elapsed);

/// <summary>
/// Fills a PostgreSQL database the way months of use would: the app's own migrations and seed data, customers with
/// agreements at every level, then tickets opened over the period, each worked through its life by the domain model
/// (see <see cref="TicketSimulator"/>), entitled, prioritised, routed, numbered and timed by the app's own services,
/// and written with binary COPY (columns from the EF Core model, see <see cref="CopyTable{TEntity}"/>). No outbox
/// rows: the events are taken as delivered.
/// </summary>
public static class BulkLoader
{
    private static readonly Action<Ticket, Guid> SetTicketId = Setter<Ticket>(nameof(Ticket.Id));
    private static readonly Action<HistoryEntry, Guid> SetLineId = Setter<HistoryEntry>(nameof(HistoryEntry.Id));
    private static readonly Action<HistoryEntry, Guid> SetLineOwner = Setter<HistoryEntry>(nameof(HistoryEntry.OwnerId));

    private static readonly string[] Surnames = ["wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "smith", "müller"];
    private static readonly string[] GivenNames = ["wei", "fang", "min", "jie", "lei", "na", "tao", "yan", "anna", "tom"];
    private static readonly string[] IncidentSummaries = ["{0} is down", "{0} is slow for all users", "Errors when using {0}", "{0}: login fails", "{0} stopped after the update", "投诉：{0} 反复中断"];
    private static readonly string[] RequestSummaries = ["Please provide {0}", "New user needs {0}", "Extend {0} to the new office", "Question about {0}", "咨询：{0} 的使用方法"];

    public static async Task<BulkLoadReport> RunAsync(BulkLoadOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var total = Stopwatch.StartNew();
        var phase = Stopwatch.StartNew();
        using var host = BuildHost(options);
        await host.Services.InitialiseDatabaseAsync(cancellationToken);
        Say(log, $"schema and reference data (the app's migrations and seed): {phase.Elapsed.TotalSeconds:F1} s");

        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ServiceDeskDbContext>();
        var existing = await db.Tickets.CountAsync(cancellationToken);
        if (existing > 0)
            throw new InvalidOperationException($"The database already holds {existing} tickets: load into a fresh database.");

        phase.Restart();
        var random = new Random(options.Seed);
        var ids = new DeterministicIds(options.Seed);
        var start = options.Until.AddDays(-options.Days);
        var world = await World.CreateAsync(db, services, options, start, ids, cancellationToken);
        Say(log, $"{world.Customers.Count} customers, {world.AgreementCount} agreements: {phase.Elapsed.TotalSeconds:F1} s");

        phase.Restart();
        var openedAt = OpeningTimes(random, start, options.Until, options.Tickets);
        var simulator = new TicketSimulator(random, options.Until);
        var numbers = services.GetRequiredService<ITicketNumbers>();
        var ticketTable = CopyTable<Ticket>.For(db.Model);
        var historyTable = CopyTable<TicketHistoryEntry>.For(db.Model);
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        phase.Restart();
        var deferred = await DeferredIndexes.DropAsync(connection, [ticketTable.Table, historyTable.Table], cancellationToken);
        await using (var setting = new NpgsqlCommand("SET synchronous_commit = off", connection))
            await setting.ExecuteNonQueryAsync(cancellationToken);

        long historyLines = 0;
        int ratings = 0, selected = 0, pending = 0;
        var simulate = new Stopwatch();
        long copyTicks = 0;
        Task copying = Task.CompletedTask;
        for (var first = 0; first < options.Tickets; first += options.ChunkSize)
        {
            simulate.Start();
            var chunk = new List<Ticket>(Math.Min(options.ChunkSize, options.Tickets - first));
            for (var i = first; i < first + chunk.Capacity; i++)
            {
                // Exactly --ratings tickets are picked evenly (selection sampling); a pick that ends up unrateable
                // (still open, cancelled) passes its rating on to the next resolved ticket.
                if (random.NextDouble() * (options.Tickets - i) < options.Ratings - selected)
                {
                    selected++;
                    pending++;
                }

                var ticket = await world.NextTicketAsync(random, simulator, numbers, openedAt[i], pending > 0, cancellationToken);
                if (ticket.Satisfaction is not null)
                {
                    ratings++;
                    pending--;
                }

                SetTicketId(ticket, ids.At(ticket.OpenedAt));
                foreach (var line in ticket.NewHistory)
                {
                    SetLineOwner(line, ticket.Id);
                    SetLineId(line, ids.At(line.At));
                }

                chunk.Add(ticket);
            }

            simulate.Stop();

            // The previous chunk's COPY runs while this one was simulated; one COPY at a time on the connection.
            await copying;
            var done = first + chunk.Count;
            copying = Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                await ticketTable.WriteAsync(connection, chunk, cancellationToken);
                historyLines += await historyTable.WriteAsync(connection, chunk.SelectMany(t => t.NewHistory), cancellationToken);
                copyTicks += Stopwatch.GetElapsedTime(started).Ticks;
                if ((done / options.ChunkSize) % 10 == 0 || done >= options.Tickets)
                    Say(log, $"  {done:N0} tickets, {historyLines:N0} history lines: simulated in {simulate.Elapsed.TotalSeconds:F0} s, copied in {TimeSpan.FromTicks(copyTicks).TotalSeconds:F0} s");
            }, cancellationToken);
        }

        await copying;
        Say(log, $"tickets simulated and copied: {phase.Elapsed.TotalSeconds:F1} s");

        phase.Restart();
        await deferred.RestoreAsync(connection, cancellationToken);
        Say(log, $"{deferred.Count} indexes and foreign keys put back (every row checked): {phase.Elapsed.TotalSeconds:F1} s");

        phase.Restart();
        foreach (var table in new[] { ticketTable.Table, historyTable.Table })
        {
            await using var analyze = new NpgsqlCommand($"VACUUM (ANALYZE) \"{table}\"", connection) { CommandTimeout = 0 };
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        Say(log, $"vacuum and analyze: {phase.Elapsed.TotalSeconds:F1} s");
        return new BulkLoadReport(options.Tickets, historyLines, ratings, world.Customers.Count, total.Elapsed);
    }

    private static IHost BuildHost(BulkLoadOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:MigrateOnStartup"] = "true",
            ["ConnectionStrings:" + Infrastructure.DependencyInjection.ConnectionStringName] = options.ConnectionString,
            ["Seed:DemoData"] = "false",
            // Numbers come from the app's own sequence, reserved a block at a time: the app's next intake continues after them.
            ["ServiceDesk:NumberBlockSize"] = "1000",
        });
        builder.Services.AddLogging();
        builder.Services.AddApplication(builder.Configuration).AddInfrastructure(builder.Configuration, builder.Environment);
        return builder.Build();
    }

    /// <summary>Opening instants over the period, more in Shanghai office hours than at night and at weekends, in order.</summary>
    private static DateTimeOffset[] OpeningTimes(Random random, DateTimeOffset start, DateTimeOffset until, int count)
    {
        var span = (until - start).Ticks;
        var ticks = new long[count];
        for (var i = 0; i < count; i++)
        {
            while (true)
            {
                var candidate = start.Ticks + (long)(random.NextDouble() * span);
                var local = new DateTime(candidate, DateTimeKind.Utc).AddHours(8);
                var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                var office = local.Hour is >= 9 and < 18;
                var weight = weekend ? 0.15 : office ? 1.0 : 0.25;
                if (random.NextDouble() < weight)
                {
                    ticks[i] = candidate;
                    break;
                }
            }
        }

        Array.Sort(ticks);
        // Milliseconds, as the database keeps them to the microsecond and the app's clock gives them.
        return [.. ticks.Select(t => new DateTimeOffset(t - (t % TimeSpan.TicksPerMillisecond), TimeSpan.Zero))];
    }

    private static Action<TOwner, Guid> Setter<TOwner>(string property) =>
        typeof(TOwner).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.GetSetMethod(nonPublic: true)!.CreateDelegate<Action<TOwner, Guid>>();

    private static void Say(TextWriter log, FormattableString message) => log.WriteLine(message.ToString(CultureInfo.InvariantCulture));

    /// <summary>The customers, their agreements and the people who raise and work tickets.</summary>
    private sealed class World
    {
        private readonly Dictionary<(Guid, string?), Entitlement> _entitlements = [];
        private readonly Dictionary<string, SlaContext> _slaContexts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ProductSnapshot> _products;
        private readonly IReadOnlyList<AssignmentGroup> _groups;
        private readonly Dictionary<string, Actor[]> _agents;
        private readonly Actor _integration;
        private readonly IEntitlementResolver _resolver;
        private readonly ISlaContexts _slas;

        private World(List<LoadCustomer> customers, int agreementCount, Dictionary<string, ProductSnapshot> products, IReadOnlyList<AssignmentGroup> groups,
            Dictionary<string, Actor[]> agents, Actor integration, IEntitlementResolver resolver, ISlaContexts slas)
        {
            Customers = customers;
            AgreementCount = agreementCount;
            _products = products;
            _groups = groups;
            _agents = agents;
            _integration = integration;
            _resolver = resolver;
            _slas = slas;
        }

        public List<LoadCustomer> Customers { get; }

        public int AgreementCount { get; }

        public static async Task<World> CreateAsync(ServiceDeskDbContext db, IServiceProvider services, BulkLoadOptions options, DateTimeOffset start, DeterministicIds ids, CancellationToken cancellationToken)
        {
            var random = new Random(options.Seed + 1);
            var created = start.AddDays(-30);
            var lines = await db.ProductLines.OrderBy(l => l.Code).ToListAsync(cancellationToken);
            var products = await db.Products.Where(p => p.Status == ProductStatus.Active).OrderBy(p => p.Code).ToListAsync(cancellationToken);
            var levels = (await db.ServiceLevels.ToListAsync(cancellationToken)).Where(l => !l.IsRetired).OrderBy(l => l.Rank).ToList();

            var customers = new List<LoadCustomer>();
            var agreements = 0;
            for (var i = 0; i < options.Customers; i++)
            {
                var code = string.Create(CultureInfo.InvariantCulture, $"SC-{i + 1:D4}");
                var name = i % 3 == 0 ? string.Create(CultureInfo.InvariantCulture, $"华东客户{i + 1:D4}有限公司") : string.Create(CultureInfo.InvariantCulture, $"Scale Customer {i + 1:D4} Ltd.");
                var domain = code.ToLowerInvariant() + ".example";
                var contacts = Enumerable.Range(0, 3).Select(_ => Person(random)).Distinct().Select(p => new Contact(p, p + "@" + domain, null)).ToList();
                var customer = new Customer(ids.At(created), code, name, contacts);
                db.Customers.Add(customer);

                // Every level is used: a line at one level, every other customer a second line at another, every third
                // customer a product-level agreement (which beats the line's) on two of its products.
                var covered = new List<Product>();
                void Agree(ServiceLevel level, ProductLine? line, IReadOnlyCollection<Product> onProducts)
                {
                    db.Agreements.Add(Agreement.Create(ids.At(created), customer, level, line, onProducts, start.AddDays(-1), validTo: null, created));
                    covered.AddRange(line is null ? onProducts : products.Where(p => p.LineCode == line.Code));
                    agreements++;
                }

                var first = lines[i % lines.Count];
                Agree(levels[i % levels.Count], first, []);
                if (i % 2 == 0)
                    Agree(levels[(i / 2 + 1) % levels.Count], lines[(i + 1 + (i / 10)) % lines.Count], []);
                if (i % 3 == 0)
                    Agree(levels[(i + 3) % levels.Count], null, [.. products.Where(p => p.LineCode == first.Code).Take(2)]);

                var distinct = covered.DistinctBy(p => p.Code).ToList();
                customers.Add(new LoadCustomer(
                    customer.Id,
                    code,
                    [.. contacts.Select(c => new TicketContact(c.Name, c.Email, null))],
                    [.. distinct.Select(p => p.Code)],
                    [.. distinct.Where(p => p.Kind != ProductKind.Support).Select(p => p.Code)],
                    new Actor(ids.At(created).ToString(), "portal-" + code.ToLowerInvariant(), IsCustomer: true)));
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            var groups = await services.GetRequiredService<IAssignmentGroups>().AllAsync(cancellationToken);
            var agents = groups.Select(g => g.Name).Append(AssignmentGroup.Triage).Distinct(StringComparer.Ordinal)
                .ToDictionary(g => g, _ => Enumerable.Range(0, 6).Select(_ => Person(random)).Distinct()
                    .Select(p => new Actor(ids.At(created).ToString(), p, IsCustomer: false)).ToArray(), StringComparer.Ordinal);
            var lookup = services.GetRequiredService<IProductLookup>();
            var snapshots = new Dictionary<string, ProductSnapshot>(StringComparer.Ordinal);
            foreach (var product in products)
                snapshots[product.Code] = (await lookup.FindAsync(product.Code, cancellationToken))!;
            return new World(customers, agreements, snapshots, groups, agents, new Actor(ids.At(created).ToString(), "monitoring-bridge", IsCustomer: false),
                services.GetRequiredService<IEntitlementResolver>(), services.GetRequiredService<ISlaContexts>());
        }

        /// <summary>One ticket as the intake would raise it (entitlement, priority, routing, number, clocks), then worked.</summary>
        public async Task<Ticket> NextTicketAsync(Random random, TicketSimulator simulator, ITicketNumbers numbers, DateTimeOffset openedAt, bool rate, CancellationToken cancellationToken)
        {
            // A few large customers raise most tickets.
            var customer = Customers[(int)(Customers.Count * Math.Pow(random.NextDouble(), 1.6))];
            var roll = random.NextDouble();
            var (kind, category) = roll switch
            {
                < 0.57 => (TicketKind.Incident, TicketCategory.Incident),
                < 0.60 => (TicketKind.Incident, TicketCategory.Complaint),
                < 0.92 => (TicketKind.ServiceRequest, TicketCategory.Request),
                _ => (TicketKind.ServiceRequest, TicketCategory.Inquiry),
            };
            if (category == TicketCategory.Request && customer.RequestableProducts.Count == 0)
                (kind, category) = (TicketKind.Incident, TicketCategory.Incident);
            string? productCode = category switch
            {
                TicketCategory.Request => customer.RequestableProducts[random.Next(customer.RequestableProducts.Count)],
                TicketCategory.Incident when random.NextDouble() < 0.95 => customer.Products[random.Next(customer.Products.Count)],
                TicketCategory.Inquiry when random.NextDouble() < 0.5 => customer.Products[random.Next(customer.Products.Count)],
                _ => null,
            };
            var product = productCode is null ? null : _products[productCode];

            if (!_entitlements.TryGetValue((customer.Id, productCode), out var entitlement))
            {
                entitlement = await _resolver.ResolveAsync(customer.Id, productCode, openedAt, cancellationToken);
                if (!entitlement.Entitled)
                    throw new InvalidOperationException($"{customer.Code} is not entitled to {productCode}: {entitlement.Reason}");
                _entitlements[(customer.Id, productCode)] = entitlement;
            }

            if (!_slaContexts.TryGetValue(entitlement.ServiceLevelCode!, out var sla))
                _slaContexts[entitlement.ServiceLevelCode!] = sla = await _slas.GetAsync(entitlement.ServiceLevelCode!, cancellationToken);

            var channel = (random.NextDouble(), kind) switch
            {
                (< 0.35, _) => Channel.Portal,
                (< 0.60, _) => Channel.Email,
                (< 0.80, _) => Channel.Phone,
                (< 0.90, TicketKind.Incident) => Channel.Monitoring,
                (< 0.95, _) => Channel.Api,
                _ => Channel.Chat,
            };
            var group = AssignmentGroup.RouteFor(product?.SeriesCode, _groups);
            var templates = kind == TicketKind.Incident ? IncidentSummaries : RequestSummaries;
            var subject = productCode ?? "the service";
            var number = await numbers.NextAsync(kind, cancellationToken);
            var newTicket = new NewTicket(
                number, kind, category, customer.Id, productCode, product?.LineCode,
                string.Format(CultureInfo.InvariantCulture, templates[random.Next(templates.Length)], subject),
                string.Format(CultureInfo.InvariantCulture, "Reported by {0} for {1}. Details as given on the {2} channel.", customer.Code, subject, channel.ToString().ToLowerInvariant()),
                Weighted<Impact>(random), Weighted<Urgency>(random), channel,
                customer.Contacts[random.Next(customer.Contacts.Count)],
                random.NextDouble() < 0.25 ? string.Create(CultureInfo.InvariantCulture, $"{customer.Code}-{number}") : null,
                group);

            var agents = _agents.TryGetValue(group, out var found) ? found : _agents[AssignmentGroup.Triage];
            var intake = channel switch
            {
                Channel.Portal => customer.PortalUser,
                Channel.Monitoring or Channel.Api => _integration,
                _ => _agents[AssignmentGroup.Triage][random.Next(_agents[AssignmentGroup.Triage].Length)],
            };
            return simulator.Work(newTicket, openedAt, sla, intake, agents[random.Next(agents.Length)], customer.PortalUser, rate, out _);
        }

        /// <summary>High 15 %, Medium 40 %, Low 45 %.</summary>
        private static T Weighted<T>(Random random)
            where T : struct, Enum
        {
            var roll = random.NextDouble();
            var value = roll < 0.15 ? 1 : roll < 0.55 ? 2 : 3;
            return (T)Enum.ToObject(typeof(T), value);
        }

        private static string Person(Random random) => Surnames[random.Next(Surnames.Length)] + "." + GivenNames[random.Next(GivenNames.Length)];
    }

    private sealed record LoadCustomer(Guid Id, string Code, IReadOnlyList<TicketContact> Contacts, IReadOnlyList<string> Products, IReadOnlyList<string> RequestableProducts, Actor PortalUser);
}
