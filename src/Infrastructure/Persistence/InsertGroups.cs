using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Npgsql;
using ServiceDesk.Application.Common.Observability;

namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>
/// Group commit for new aggregates on PostgreSQL (<see cref="ServiceDeskDbContext.InsertNewAsync"/> outside a
/// transaction): while <see cref="MaxWriters"/> writes are under way, the rows of the requests that arrive meanwhile
/// wait, and when a write ends the first of them writes them all in one batch, which PostgreSQL runs as one implicit
/// transaction with one commit. Under concurrent intake the database does one commit, and both processes one round
/// trip, per group instead of per ticket (README "Performance"). Nothing waits on a timer: a request that finds fewer
/// writes under way writes at once, alone, so a single client sees no added latency.
/// <para>
/// Each request is still all or nothing and answered only after its rows are committed. A group is all or nothing too,
/// so when the server refuses it (a duplicate key, a foreign key: it rolled everything back), every request of the group
/// writes its rows again alone and gets its own answer; when the outcome is unknown (the connection failed, the server
/// stopped) every request of the group fails with that error, as a request alone would (503), never written twice.
/// </para>
/// </summary>
internal sealed class InsertGroups
{
    /// <summary>The most requests one group writes (3 rows each at intake, about 70 parameters): the rest wait for the next.</summary>
    public const int MaxRequests = 32;

    /// <summary>
    /// How many writes may be under way at once. With one, requests wait on each other's commit while the cores are
    /// partly idle; with two, one group is being sent and committed while the next is collected. Measured at 8
    /// connections, alternating 1, 2 and 3 (README "Performance"): 2 the fastest in three rounds of four, level with 1 in the other.
    /// On a host with cheaper commits, 4 kept the cores busier but made each intake dearer (smaller groups), no faster.
    /// </summary>
    public const int MaxWriters = 2;

    /// <summary>
    /// Requests per committed write, on the product's meter: whether intakes are committed together is what decides the
    /// database's cost per ticket under load (static, as the groups are: one per process and database).
    /// </summary>
    private static readonly Histogram<int> RequestsPerWrite = new Meter(ServiceDeskMetrics.MeterName).CreateHistogram<int>(
        "servicedesk.intake.write.requests", "{request}",
        "Intake requests committed by one write on PostgreSQL: 1 when a ticket was written alone, more when concurrent intakes were committed together.",
        tags: null, advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32] });

    /// <summary>One instance per database (connection string): a group is written on one connection, to one database.</summary>
    private static readonly ConcurrentDictionary<string, InsertGroups> PerDatabase = new();

    private readonly Lock _gate = new();
    private readonly Queue<Request> _waiting = new();
    private int _writers;
    private long _groupsWritten;

    public static InsertGroups For(string connectionString) => PerDatabase.GetOrAdd(connectionString, static _ => new InsertGroups());

    /// <summary>How many groups of more than one request were committed (for tests).</summary>
    public long GroupsWritten => Interlocked.Read(ref _groupsWritten);

    /// <summary>How many requests wait for a write to end (for tests).</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
                return _waiting.Count;
        }
    }

    /// <summary>
    /// Writes <paramref name="rows"/>, alone or in a group: <paramref name="write"/> writes rows on a context's connection
    /// in one batch (through its execution strategy, provider errors untranslated); <paramref name="writeAlone"/> writes
    /// this request's rows alone, with its errors translated as a save's.
    /// </summary>
    public async Task InsertAsync(
        List<object> rows, Func<List<object>, CancellationToken, Task> write, Func<List<object>, CancellationToken, Task> writeAlone,
        CancellationToken cancellationToken)
    {
        Request? request = null;
        lock (_gate)
        {
            if (_writers < MaxWriters)
                _writers++;
            else
                _waiting.Enqueue(request = new Request(rows));
        }

        if (request is null)
        {
            // Fewer writes under way than allowed: this request's rows go now, alone, as without groups.
            try
            {
                await WriteAloneAsync(writeAlone, rows, cancellationToken);
            }
            finally
            {
                HandOver();
            }

            return;
        }

        // Once queued, the rows are written whatever becomes of this request (the group may already hold them).
        switch (await request.Turn.Task)
        {
            case Outcome.Written:
                return;
            case Outcome.WriteAlone:
                await WriteAloneAsync(writeAlone, rows, cancellationToken);
                return;
            default:
                await WriteGroupAsync(request, write, writeAlone, cancellationToken);
                return;
        }
    }

    /// <summary>One request's rows written alone: a write of one, for the metric.</summary>
    private static async Task WriteAloneAsync(Func<List<object>, CancellationToken, Task> writeAlone, List<object> rows, CancellationToken cancellationToken)
    {
        await writeAlone(rows, cancellationToken);
        RequestsPerWrite.Record(1);
    }

    /// <summary>Writes the group <paramref name="leader"/> was handed, then hands the next one over, then answers the others.</summary>
    private async Task WriteGroupAsync(
        Request leader, Func<List<object>, CancellationToken, Task> write, Func<List<object>, CancellationToken, Task> writeAlone,
        CancellationToken cancellationToken)
    {
        var group = leader.Group!;
        if (group.Count == 1)
        {
            try
            {
                await WriteAloneAsync(writeAlone, leader.Rows, cancellationToken);
            }
            finally
            {
                HandOver();
            }

            return;
        }

        Exception? failure = null;
        try
        {
            // The group's rows in the order of its requests, each request's in its own order. Not cancelled with this
            // request: the others' rows are in it.
            var rows = new List<object>(group.Sum(r => r.Rows.Count));
            foreach (var request in group)
                rows.AddRange(request.Rows);
            await write(rows, CancellationToken.None);
            Interlocked.Increment(ref _groupsWritten);
            RequestsPerWrite.Record(group.Count);
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            HandOver();
        }

        if (failure is null)
        {
            foreach (var request in group.Where(r => r != leader))
                request.Turn.SetResult(Outcome.Written);
            return;
        }

        if (RolledBack(failure))
        {
            foreach (var request in group.Where(r => r != leader))
                request.Turn.SetResult(Outcome.WriteAlone);
            await WriteAloneAsync(writeAlone, leader.Rows, cancellationToken);
            return;
        }

        foreach (var request in group.Where(r => r != leader))
            request.Turn.SetException(failure);
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>
    /// Whether nothing of a failed group can have been committed: the server refused a statement (and so rolled back
    /// the batch's implicit transaction) while it kept serving, or the batch failed before anything was sent. A broken
    /// connection, a timeout or a server going away leave the commit unknown.
    /// </summary>
    private static bool RolledBack(Exception failure) => failure switch
    {
        _ when DatabaseErrors.IsUnavailable(failure) => false,
        PostgresException => true,
        NpgsqlException or TimeoutException or OperationCanceledException or System.IO.IOException => false,
        _ => true,
    };

    /// <summary>The requests that waited become the next group, led by the first of them; or no write is under way.</summary>
    private void HandOver()
    {
        List<Request> next;
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _writers--;
                return;
            }

            next = new List<Request>(Math.Min(_waiting.Count, MaxRequests));
            while (next.Count < MaxRequests && _waiting.TryDequeue(out var request))
                next.Add(request);
        }

        next[0].Group = next;
        next[0].Turn.SetResult(Outcome.Lead);
    }

    private enum Outcome
    {
        Written,
        WriteAlone,
        Lead,
    }

    private sealed class Request(List<object> rows)
    {
        public List<object> Rows { get; } = rows;

        /// <summary>What the request does next; its continuation runs on the thread pool, not inside the hand-over.</summary>
        public TaskCompletionSource<Outcome> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The group this request leads (set before its turn says <see cref="Outcome.Lead"/>).</summary>
        public List<Request>? Group { get; set; }
    }
}
