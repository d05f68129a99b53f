using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Client.Tests;

/// <summary>
/// The desk story through the client NSwag generates from docs/openapi.json, against the real pipeline (on SQLite, or
/// on PostgreSQL with SERVICEDESK_TEST_POSTGRES): any drift between the document and the server breaks it.
/// </summary>
public sealed class DeskStoryTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    [Fact]
    public async Task The_desk_story_runs_through_the_generated_client()
    {
        using var story = new DeskStory(factory);

        await story.AdminSetsUpACustomerAndAgreementAsync();
        await story.CustomerRaisesAnIncidentAsync();
        await story.AgentWorksItThroughHoldAndResolveAsync();
        await story.CustomerRatesItAsync();
        await story.AManagerReadsTheReportsAsync();
        await story.AChangeGoesFromRequestToScheduledAsync();
    }
}
