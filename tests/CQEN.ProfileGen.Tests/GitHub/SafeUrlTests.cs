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
    public void An_api_address_in_an_error_loses_user_info_and_query(string url, string expected) => Assert.Equal(expected, SafeUrl.Redact(url));

    [Fact]
    public void Cleans_the_credentials_of_every_url_inside_a_message()
    {
        var message = "failed for http://a:ghp_1@h1/x and https://h2/y?access_token=ghp_2&page=2 too";

        Assert.Equal("failed for http://***@h1/x and https://h2/y?access_token=***&page=2 too", SafeUrl.RedactAll(message));
    }

    [Theory]
    [InlineData("[README.md:3](https://github.com/org/a/blob/main/README.md#L3)")]
    [InlineData("[tout voir](https://github.com/search?q=org%3Aorg+topic%3Aphase-beta&type=repositories)")]
    [InlineData("<https://github.com/orgs/org/repositories?q=archived:true#top>")]
    [InlineData("https://img.shields.io/badge/a-b-blue?style=flat&logo=github")]
    [InlineData("https://example.com/page?tokenizer=x&signed=yes#token-list")]
    public void Leaves_an_ordinary_url_s_query_and_fragment_alone(string text) => Assert.Equal(text, SafeUrl.RedactAll(text));

    [Theory]
    [InlineData("[x](https://h/raw/a.md?token=AAAA123)", "[x](https://h/raw/a.md?token=***)")]
    [InlineData("https://h/cb#access_token=abc&state=1", "https://h/cb#access_token=***&state=1")]
    [InlineData("https://s3/x?X-Amz-Signature=abcdef&X-Amz-Date=1", "https://s3/x?X-Amz-Signature=***&X-Amz-Date=1")]
    public void Masks_only_the_value_of_a_credential_parameter(string text, string expected) => Assert.Equal(expected, SafeUrl.RedactAll(text));

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
