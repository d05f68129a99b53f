using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Incidents;

/// <summary>
/// A ticket read and a ticket list (through <see cref="TicketMapper"/>'s projections) fetch the columns their
/// responses show and no others (a list item shows fewer than a ticket): the SLA internals, counters and report figures stay in the database. They are most of
/// the row, so fetching them made every read and every 50-item page several times heavier (issue 14).
/// </summary>
public sealed class TicketReadColumnsTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    /// <summary>Columns of the ticket row that no response field needs.</summary>
    private static readonly string[] Internal =
    [
        "HistoryCount", "CommentCount", "NextCheckAt", "QueueDueAt", "IsOpenFlag", "AutoCloseAt", "LastChangedAt",
        "LastResolvedAt", "LastReopenedAt", "AcknowledgeBusinessMinutes", "AcknowledgeClockMinutes", "ResolveBusinessMinutes",
        "ResolveClockMinutes",
    ];

    [Fact]
    public async Task The_read_projection_selects_only_what_the_response_shows()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();

        var read = SelectList(db.Set<Ticket>().AsNoTracking().Where(t => t.Number == "INC000001").Select(TicketMapper.Projection).ToQueryString());
        var list = SelectList(db.Set<Ticket>().AsNoTracking().OrderByDescending(t => t.OpenedAt).Select(TicketMapper.ListItemProjection).Take(50).ToQueryString());

        foreach (var select in new[] { read, list })
        {
            // The model still maps every internal column (else this test would prove nothing).
            foreach (var column in Internal)
            {
                Assert.NotNull(db.Model.FindEntityType(typeof(Ticket))!.GetProperties().Concat(
                    db.Model.FindEntityType(typeof(Ticket))!.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()))
                    .FirstOrDefault(p => p.GetColumnName() == column));
                Assert.DoesNotContain($"\"{column}\"", select, StringComparison.Ordinal);
            }

            foreach (var shown in new[] { "Number", "Status", "Priority", "AssignmentGroup", "ResponseDueAt", "ResolutionState" })
                Assert.Contains($"\"{shown}\"", select, StringComparison.Ordinal);
        }

        foreach (var shown in new[] { "Description", "ContactName", "ContactEmail", "ContactPhone", "Version", "SatisfactionOverall" })
            Assert.Contains($"\"{shown}\"", read, StringComparison.Ordinal);

        // A list item's columns and no others.
        string[] listed =
        [
            "Number", "Kind", "Category", "Status", "Priority", "CustomerId", "ProductCode", "ProductLineCode", "ServiceLevelCode",
            "AssignmentGroup", "Assignee", "Summary", "OpenedAt", "ResponseDueAt", "ResolutionDueAt", "ResponseState", "ResolutionState",
        ];
        Assert.Equal(listed, Regex.Matches(list, @"\.""(\w+)""").Select(m => m.Groups[1].Value));
    }

    /// <summary>The part of a query between SELECT and FROM: what it fetches.</summary>
    private static string SelectList(string sql)
    {
        var from = sql.IndexOf("FROM ", StringComparison.Ordinal);
        return sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..from];
    }
}
