using System.Security.Cryptography;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>Authenticating as a GitHub App: the stand-in checks the JWT's RS256 signature with the App's public key.</summary>
public sealed class GitHubAppTests() : AppEndToEndTest
{
    [Fact]
    public async Task An_app_installation_token_is_obtained_and_used()
    {
        var cli = new CliHarness { Clock = TimeProvider.System };
        var result = await cli.RunAsync("render", "--api-url", GitHub.ApiUrl, "--org", "org", "--app-id", AppId, "--app-private-key-file", KeyFile);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("projet-00001", result.Out);
        Assert.Equal(1, GitHub.Log.Count("POST", "/app/installations/\\d+/access_tokens$"));
        Assert.Contains(GitHub.Log.All, r => r.Path.EndsWith("/graphql", StringComparison.Ordinal)); // the token enables GraphQL
    }

    [Fact]
    public async Task TheKey_can_come_from_the_environment_and_publish_with_it()
    {
        var cli = new CliHarness { Clock = TimeProvider.System };
        cli.Variables["PROFILEGEN_APP_ID"] = AppId;
        cli.Variables["PROFILEGEN_APP_PRIVATE_KEY"] = File.ReadAllText(KeyFile);
        var result = await cli.RunAsync("publish", "--api-url", GitHub.ApiUrl, "--org", "org");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Single(GitHub.State.Repo("org", ".github").Pulls);
        Assert.DoesNotContain("PRIVATE KEY", result.Out + result.Error);
    }

    [Fact]
    public async Task A_publish_mints_one_token_scoped_to_the_profile_repository_masks_it_and_revokes_it()
    {
        var cli = new CliHarness { Clock = TimeProvider.System };
        cli.Variables["GITHUB_ACTIONS"] = "true";

        var result = await cli.RunAsync("publish", "--api-url", GitHub.ApiUrl, "--org", "org", "--app-id", AppId, "--app-private-key-file", KeyFile);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Single(GitHub.State.Repo("org", ".github").Pulls);
        var token = Assert.Single(GitHub.MintedTokens);
        var mint = Assert.Single(GitHub.Log.All, r => r.Path.EndsWith("/access_tokens", StringComparison.Ordinal));
        Assert.Contains("\"repositories\":[\".github\"]", mint.Body);
        Assert.Contains("\"contents\":\"write\"", mint.Body);
        Assert.Contains("\"pull_requests\":\"write\"", mint.Body);
        // Masked first, so the runner hides it everywhere; never printed otherwise.
        Assert.Equal($"::add-mask::{token}", result.ErrorLines.First(l => l.Contains(token, StringComparison.Ordinal)));
        Assert.Single(result.ErrorLines, l => l.Contains(token, StringComparison.Ordinal));
        Assert.Equal(1, GitHub.Log.Count("DELETE", "/installation/token$"));
        Assert.False(GitHub.State.Tokens.ContainsKey(token), "the token must be revoked at the end of the run");
    }

    [Fact]
    public async Task The_app_token_asks_for_issues_only_with_labels_and_for_members_only_with_team_reviewers_and_can_then_set_both()
    {
        var cli = new CliHarness { Clock = TimeProvider.System };
        lock (GitHub.State.Gate)
        {
            GitHub.State.Orgs["org"].Teams.Add("web");
        }
        var plain = await cli.RunAsync("publish", "--api-url", GitHub.ApiUrl, "--org", "org", "--app-id", AppId, "--app-private-key-file", KeyFile);
        Assert.True(plain.ExitCode == 0, plain.Error);
        var result = await cli.RunAsync("publish", "--api-url", GitHub.ApiUrl, "--org", "org", "--app-id", AppId, "--app-private-key-file", KeyFile, "--label", "profil-auto", "--team-reviewer", "web");
        Assert.True(result.ExitCode == 0, result.Error);

        var mints = GitHub.Log.All.Where(r => r.Path.EndsWith("/access_tokens", StringComparison.Ordinal)).Select(r => r.Body!).ToArray();
        Assert.Equal(2, mints.Length);
        Assert.Contains("\"pull_requests\":\"write\"", mints[0]);
        Assert.DoesNotContain("issues", mints[0]);
        Assert.DoesNotContain("members", mints[0]);
        Assert.Contains("\"issues\":\"write\"", mints[1]);
        Assert.Contains("\"members\":\"read\"", mints[1]);
        var pull = Assert.Single(GitHub.State.Repo("org", ".github").Pulls);
        Assert.Equal(["profil-auto"], pull.Labels); // created: the token has issues: write
        Assert.Equal(["web"], pull.TeamReviewers);
        Assert.DoesNotContain("warning", result.Error);
    }

    [Fact]
    public async Task A_read_only_run_mints_a_read_only_token()
    {
        var cli = new CliHarness { Clock = TimeProvider.System };

        var result = await cli.RunAsync("render", "--api-url", GitHub.ApiUrl, "--org", "org", "--app-id", AppId, "--app-private-key-file", KeyFile);

        Assert.True(result.ExitCode == 0, result.Error);
        var mint = Assert.Single(GitHub.Log.All, r => r.Path.EndsWith("/access_tokens", StringComparison.Ordinal));
        Assert.Contains("\"contents\":\"read\"", mint.Body);
        Assert.DoesNotContain("write", mint.Body);
    }

    [Fact]
    public async Task A_wrongKey_is_one_clear_line()
    {
        var wrong = Path.Combine(Dir, "wrong.pem");
        File.WriteAllText(wrong, TestKeys.Other);
        var result = await new CliHarness { Clock = TimeProvider.System }.RunAsync("render", "--api-url", GitHub.ApiUrl, "--org", "org", "--app-id", AppId, "--app-private-key-file", wrong);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("GitHub rejected the App's JWT (401)", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_file_that_is_not_aKey_is_named_without_being_shown()
    {
        var notKey = Path.Combine(Dir, "not-a-key.pem");
        File.WriteAllText(notKey, "hello secret");
        var result = await new CliHarness().RunAsync("render", "--api-url", GitHub.ApiUrl, "--org", "org", "--app-id", AppId, "--app-private-key-file", notKey);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("not-a-key.pem: not an RSA private key", line);
        Assert.DoesNotContain("hello secret", line);
    }

    [Fact]
    public async Task An_app_not_installed_on_the_org_is_said_so()
    {
        GitHub.State.AddOrg("other-org");
        var result = await new CliHarness { Clock = TimeProvider.System }.RunAsync("render", "--api-url", GitHub.ApiUrl, "--org", "other-org", "--app-id", AppId, "--app-private-key-file", KeyFile);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not installed on organization 'other-org'", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void The_jwt_is_rs256_with_the_app_as_issuer_and_a_lifetime_under_ten_minutes()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var parts = GitHubAppAuthenticator.CreateJwt(AppId, Key, now).Split('.');
        static string Decode(string s) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/').PadRight(s.Length + (4 - s.Length % 4) % 4, '=')));
        Assert.Equal("""{"alg":"RS256","typ":"JWT"}""", Decode(parts[0]));
        Assert.Equal($$"""{"iat":{{now.AddSeconds(-60).ToUnixTimeSeconds()}},"exp":{{now.AddMinutes(9).ToUnixTimeSeconds()}},"iss":"4242"}""", Decode(parts[1]));
        var signature = Convert.FromBase64String(parts[2].Replace('-', '+').Replace('_', '/').PadRight(parts[2].Length + (4 - parts[2].Length % 4) % 4, '='));
        Assert.True(Key.VerifyData(System.Text.Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }
}
