using System.Net;
using System.Net.Http.Headers;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests.Http;

public sealed class AuthEndpointsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task IssueToken_ValidKey_ReturnsSnakeCaseSessionToken()
    {
        using var http = IsloTestClient.NewHttpClient(fixture.Host);

        using var response = await http.PostAsync("auth/token", IsloTestClient.JsonBody($$"""{"access_key":"{{fixture.Host.ApiKey}}","extra":1}"""), TestTimeouts.Token());
        var body = new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(TestTimeouts.Token()), response.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.OK, body.Status);
        Assert.Equal("application/json", body.ContentType);
        Assert.False(string.IsNullOrEmpty(body.String("session_token")));
        Assert.Equal(3600, body.Json.GetProperty("cookie_max_age").GetInt32());
    }

    [Theory]
    [InlineData("""{"access_key":"ak_wrong"}""")]
    [InlineData("""{}""")]
    [InlineData("")]
    public async Task IssueToken_WrongOrMissingKey_Returns401AuthRequired(string json)
    {
        using var http = IsloTestClient.NewHttpClient(fixture.Host);

        using var response = await http.PostAsync("auth/token", IsloTestClient.JsonBody(json), TestTimeouts.Token());
        var body = new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(TestTimeouts.Token()), null);

        Assert.Equal(HttpStatusCode.Unauthorized, body.Status);
        Assert.Equal("AUTH_REQUIRED", body.String("code"));
    }

    [Fact]
    public async Task IssueToken_MalformedJson_Returns400ValidationError()
    {
        using var http = IsloTestClient.NewHttpClient(fixture.Host);

        using var response = await http.PostAsync("auth/token", IsloTestClient.JsonBody("{not json"), TestTimeouts.Token());
        var body = new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(TestTimeouts.Token()), null);

        Assert.Equal(HttpStatusCode.BadRequest, body.Status);
        Assert.Equal("VALIDATION_ERROR", body.String("code"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer emu_st_not_issued")]
    [InlineData("Basic abc")]
    public async Task ProtectedRoute_WithoutIssuedToken_Returns401WithErrorBody(string? authorization)
    {
        using var http = IsloTestClient.NewHttpClient(fixture.Host);
        if (authorization is not null)
        {
            http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        using var response = await http.GetAsync("sandboxes", TestTimeouts.Token());
        var body = new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(TestTimeouts.Token()), response.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.Unauthorized, body.Status);
        Assert.Equal("application/json", body.ContentType);
        Assert.Equal("AUTH_REQUIRED", body.String("code"));
        Assert.False(string.IsNullOrEmpty(body.String("message")));
        Assert.StartsWith("req_", body.String("request_id"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_Authenticated_Returns404NotFound()
    {
        var response = await fixture.Client.GetAsync("no/such/route");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NOT_FOUND", response.String("code"));
    }

    [Fact]
    public async Task TokenFromAnotherHost_IsRejected()
    {
        using var state = new TempDirectory();
        await using var other = await IsloEmulatorHost.StartAsync(new IsloEmulatorOptions { StateDirectory = state.Path }, TestTimeouts.Token());
        using var otherClient = await IsloTestClient.CreateAsync(other, TestTimeouts.Token());
        using var http = IsloTestClient.NewHttpClient(fixture.Host);
        http.DefaultRequestHeaders.Authorization = otherClient.Http.DefaultRequestHeaders.Authorization;

        using var response = await http.GetAsync("sandboxes", TestTimeouts.Token());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
