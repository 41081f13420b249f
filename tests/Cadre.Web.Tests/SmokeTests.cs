using System.Net;

namespace Cadre.Web.Tests;

public sealed class SmokeTests(CadreApp app) : IClassFixture<CadreApp>
{
    [Fact]
    public async Task Health_answers_200_with_json()
    {
        var response = await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"ok\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_401_without_a_token()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/members", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_bearer_token_is_refused_with_401()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "cadre_pat_not-a-real-token");
        var response = await client.GetAsync("/api/v1/organizations", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
