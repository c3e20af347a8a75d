using System.Net;

namespace XiheWorkflow.Web.Tests.Endpoints;

public class HealthEndpointTests(XiheWebFactory factory) : IClassFixture<XiheWebFactory>
{
    [Fact]
    public async Task Healthz_DatabaseAnswers_Returns200()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/healthz");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
