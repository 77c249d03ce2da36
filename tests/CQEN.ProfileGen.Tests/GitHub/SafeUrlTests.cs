using CQEN.ProfileGen.GitHub;

namespace CQEN.ProfileGen.Tests.GitHub;

/// <summary>A URL the tool prints never carries the credentials it held.</summary>
public class SafeUrlTests
{
    [Theory]
    [InlineData("https://user:ghp_x1@host/api/v3", "https://***@host/api/v3")]
    [InlineData("https://ghp_x1@host/api/v3", "https://***@host/api/v3")]
    [InlineData("https://host/api/v3?access_token=ghp_x1", "https://host/api/v3?***")]
    [InlineData("https://host/api/v3#token=ghp_x1", "https://host/api/v3?***")]
    [InlineData("https://host/api/v3", "https://host/api/v3")]
    public void Drops_user_info_and_query(string url, string expected) => Assert.Equal(expected, SafeUrl.Redact(url));

    [Fact]
    public void Cleans_every_url_inside_a_message()
    {
        var message = "failed for http://a:ghp_1@h1/x and https://h2/y?access_token=ghp_2 too";

        Assert.Equal("failed for http://***@h1/x and https://h2/y?*** too", SafeUrl.RedactAll(message));
    }

    [Fact]
    public void Github_com_in_any_spelling_is_github_com_s_api() =>
        Assert.Equal(GitHubEndpoint.DotCom, GitHubEndpoint.Parse("https://github.com/"));

    [Theory]
    [InlineData("https://ghes.example.com", "https://ghes.example.com/api/v3/", "https://ghes.example.com/api/graphql")]
    [InlineData("https://ghes.example.com/api/v3/", "https://ghes.example.com/api/v3/", "https://ghes.example.com/api/graphql")]
    [InlineData("https://proxy.example.com/github/api/v3", "https://proxy.example.com/github/api/v3/", "https://proxy.example.com/github/api/graphql")]
    public void Accepts_github_com_and_enterprise_addresses(string url, string rest, string graphQl)
    {
        var endpoint = GitHubEndpoint.Parse(url);

        Assert.Equal(rest, endpoint.RestBase.AbsoluteUri);
        Assert.Equal(graphQl, endpoint.GraphQl.AbsoluteUri);
    }
}
