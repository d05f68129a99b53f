using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.BulkLoad;

/// <summary>
/// Works one ticket through its life with the domain's own methods, the way the API and the SLA monitor would:
/// assign, start (acknowledge), sometimes hold and resume, resolve, sometimes reopen, close (by the customer, or the
/// monitor's auto-close three days after resolution), sometimes cancel; rates it when asked. Before each action the
/// monitor looks at the ticket whenever its next check came due (warnings, breaches, escalations, auto-close), and
/// once more at <c>until</c>. Nothing happens at or after <c>until</c>, so recent tickets stay open. Every action
/// and every monitor pass is one save, so the ticket's version counts them as the API's would.
/// </summary>
internal sealed class TicketSimulator(Random random, DateTimeOffset until)
{
    private readonly Random _random = random;
    private readonly DateTimeOffset _until = until;

    /// <summary>How long after a check comes due the monitor (every 30 s by default) gets to it.</summary>
    private static readonly TimeSpan MonitorLag = TimeSpan.FromSeconds(20);

    private static readonly string[] ResolutionCodes = ["Fixed", "Configuration", "Workaround", "Replaced hardware", "User guidance", "Fulfilled"];
    private static readonly string[] HoldReasons = ["Waiting for the customer", "Waiting for the spare part", "Waiting for the vendor", "Maintenance window agreed"];
    private static readonly string[] CancelReasons = ["Raised twice", "No longer needed", "Raised by mistake", "Customer withdrew the request"];
    private static readonly string[] RatingComments = ["Fixed quickly, thank you.", "Took too long.", "处理及时，服务很好。", "Good communication.", "需要更快的响应。", "The engineer was very helpful."];

    public Ticket Work(NewTicket newTicket, DateTimeOffset openedAt, SlaContext sla, Actor intake, Actor agent, Actor customer, bool rate, out bool rated)
    {
        var run = new Run(this, Ticket.Open(newTicket, openedAt, sla, intake), sla, openedAt, agent, customer);
        rated = run.Play(rate);
        return run.Ticket;
    }

    private double Exponential(double mean) => -mean * Math.Log(1 - _random.NextDouble());

    private double LogNormal(double mu, double sigma)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
        return Math.Exp(mu + sigma * normal);
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    private static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(Math.Max(1, minutes));

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class Run(TicketSimulator sim, Ticket ticket, SlaContext sla, DateTimeOffset openedAt, Actor agent, Actor customer)
    {
        private DateTimeOffset _now = ticket.OpenedAt;
        private DateTimeOffset? _cancelAt;
        private int _saves;

        public Ticket Ticket => ticket;

        public bool Play(bool rate)
        {
            if (sim._random.NextDouble() < 0.04)
                _cancelAt = openedAt + Minutes(sim.Exponential(240));

            var rated = Lifecycle(rate);
            Monitor(until: sim._until);
            for (var i = 0; i < _saves; i++)
                ticket.IncrementVersion();
            ticket.ClearDomainEvents();
            return rated;
        }

        private bool Lifecycle(bool rate)
        {
            if (!Do(_now + Minutes(sim.Exponential(15)), at => ticket.Assign(ticket.AssignmentGroup, agent.Name, agent, at)))
                return false;

            var responseDue = ticket.Response.DueAt ?? openedAt.AddHours(1);
            var startAt = Later(openedAt + (responseDue - openedAt) * sim.LogNormal(-0.9, 0.6), _now + Minutes(1));
            if (!Do(startAt, at => ticket.Start(agent, at, sla)))
                return false;

            if (sim._random.NextDouble() < 0.15)
            {
                if (!Do(_now + Minutes(sim.Exponential(120)), at => ticket.Hold(sim.Pick(HoldReasons), agent, at, sla)))
                    return false;
                var pause = sim._random.NextDouble() < 0.1 ? sim.Exponential(7 * 24 * 60) : sim.Exponential(300);
                if (!Do(_now + Minutes(pause), at => ticket.Resume(agent, at, sla)))
                    return false;
            }

            if (!Resolve())
                return false;

            if (sim._random.NextDouble() < 0.04)
            {
                var reopenAt = _now + Minutes(sim.Exponential(12 * 60));
                if (reopenAt < ticket.AutoCloseAt!.Value.AddHours(-1))
                {
                    if (!Do(reopenAt, at => ticket.Reopen("Still not working", customer, at, sla)))
                        return false;
                    if (!Resolve())
                        return false;
                }
            }

            _cancelAt = null;
            var resolvedAt = _now;
            DateTimeOffset? confirmAt = sim._random.NextDouble() < 0.3 ? resolvedAt + Minutes(sim.Exponential(10 * 60)) : null;
            if (confirmAt >= ticket.AutoCloseAt)
                confirmAt = null;
            DateTimeOffset? rateAt = rate ? resolvedAt + Minutes(sim.Exponential(20 * 60)) : null;

            var rated = false;
            foreach (var (at, isRating) in new[] { (confirmAt, false), (rateAt, true) }.Where(e => e.Item1 is not null).OrderBy(e => e.Item1))
            {
                if (isRating)
                    rated = Do(at!.Value, when => ticket.Rate(RatingValues(), sim._random.NextDouble() < 0.2 ? sim.Pick(RatingComments) : null, customer, when));
                else
                    Do(at!.Value, when => ticket.Close(customer, when));
            }

            return rated;
        }

        private bool Resolve()
        {
            var due = ticket.Resolution.DueAt ?? _now.AddDays(1);
            var resolveAt = Later(openedAt + (due - openedAt) * sim.LogNormal(-0.8, 0.55), _now + Minutes(5));
            var code = sim.Pick(ResolutionCodes);
            return Do(resolveAt, at => ticket.Resolve(code, $"{code}: done and checked with the user.", agent, at, sla));
        }

        private SatisfactionValues RatingValues()
        {
            var mean = ticket.Resolution.IsBreached ? 4.2 : 5.6;
            var overall = Scale(mean + 1.2 * Normal());
            int Around() => Scale(overall + sim._random.Next(-1, 2));
            return new SatisfactionValues(overall, Around(), Around(), Around(), Around(), Around());
        }

        private double Normal() => Math.Sqrt(-2 * Math.Log(1 - sim._random.NextDouble())) * Math.Cos(2 * Math.PI * sim._random.NextDouble());

        private static int Scale(double value) => (int)Math.Clamp(Math.Round(value), SatisfactionRating.MinValue, SatisfactionRating.MaxValue);

        /// <summary>One action at <paramref name="at"/> (one save), unless the ticket is cancelled first or the load's end comes first.</summary>
        private bool Do(DateTimeOffset at, Action<DateTimeOffset> action)
        {
            if (_cancelAt is { } cancelAt && at >= cancelAt)
            {
                if (cancelAt < sim._until && ticket.IsOpen)
                {
                    Monitor(cancelAt);
                    var reason = sim.Pick(CancelReasons);
                    var by = sim._random.NextDouble() < 0.5 ? customer : agent;
                    var when = Later(cancelAt, _now);
                    ticket.Cancel(reason, by, when, sla);
                    _now = when;
                    _saves++;
                }

                return false;
            }

            if (at >= sim._until)
                return false;
            Monitor(at);
            action(at);
            _now = at;
            _saves++;
            return true;
        }

        /// <summary>The SLA monitor's passes up to <paramref name="until"/>: each one due, a little after it came due.</summary>
        private void Monitor(DateTimeOffset until)
        {
            for (var pass = 0; pass < 16 && ticket.NextCheckAt is { } due && Later(due + MonitorLag, _now) <= until; pass++)
            {
                var at = Later(due + MonitorLag, _now);
                ticket.CheckSla(at, sla);
                _now = at;
                _saves++;
                if (ticket.NextCheckAt == due)
                    break;
            }
        }
    }
}
