using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Octokit;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// Authenticates as a GitHub App: app id + private key → a JWT (RS256, signed with the BCL's RSA)
/// → the App's installation on the organization → a short-lived installation token, which the
/// run then uses like any token. Neither the key, the JWT nor the token appears in any message.
/// </summary>
internal static class GitHubAppAuthenticator
{
    /// <summary>A JWT GitHub accepts: issued a minute in the past (clock drift), valid nine minutes (GitHub's maximum is ten).</summary>
    public static string CreateJwt(string appId, RSA key, DateTimeOffset now)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iat = now.AddSeconds(-60).ToUnixTimeSeconds(),
            exp = now.AddMinutes(9).ToUnixTimeSeconds(),
            iss = appId,
        }));
        var signed = $"{header}.{payload}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Base64Url(signature)}";
    }

    /// <summary>Reads a PEM key (PKCS#1 as GitHub gives it, or PKCS#8); the error names only where it came from.</summary>
    public static RSA ReadKey(string pem, string source)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InputException($"{source}: not an RSA private key in PEM form (expected '-----BEGIN RSA PRIVATE KEY-----' as GitHub gives it)");
        }
    }

    /// <summary>The organization permission that reads custom property values (GET /orgs/{org}/properties/values).</summary>
    public const string CustomPropertiesPermission = "organization_custom_properties";

    /// <summary>
    /// An installation token with only what the run needs: read access, or — to publish — write
    /// access to contents and pull requests, limited to <paramref name="onlyRepository"/> when
    /// given (a token that can only ever touch the profile's repository). Issues: write only when
    /// labels are set (GitHub needs it to create a missing label), members: read only when teams
    /// are asked to review (to resolve them), and the organization's custom properties: read when
    /// the configuration reads them — if the App was granted that one: a token that may not read
    /// them still serves the run, which then says so and leaves that catalogue source out.
    /// </summary>
    public static async Task<string> CreateInstallationTokenAsync(GitHubEndpoint endpoint, string appId, string privateKeyPem, string keySource, string org,
        Func<HttpMessageHandler> handler, TimeProvider clock, bool write = false, string? onlyRepository = null, bool labels = false, bool teams = false, bool customProperties = false)
    {
        using var key = ReadKey(privateKeyPem, keySource);
        var jwt = CreateJwt(appId, key, clock.GetUtcNow());
        var client = GitHubClientFactory.Create(endpoint, null, handler);
        client.Credentials = new Credentials(jwt, AuthenticationType.Bearer);
        try
        {
            var installation = await client.GitHubApps.GetOrganizationInstallationForCurrent(org).ConfigureAwait(false);
            var permissions = write
                ? new Dictionary<string, string> { ["contents"] = "write", ["pull_requests"] = "write", ["metadata"] = "read" }
                : new Dictionary<string, string> { ["contents"] = "read", ["metadata"] = "read" };
            if (labels)
            {
                permissions["issues"] = "write";
            }
            if (teams)
            {
                permissions["members"] = "read";
            }
            if (customProperties)
            {
                try
                {
                    return await MintAsync(new Dictionary<string, string>(permissions) { [CustomPropertiesPermission] = "read" }).ConfigureAwait(false);
                }
                catch (ApiValidationException)
                {
                    // 422: the installation was not granted it. The rest of the run needs none of it.
                }
            }
            return await MintAsync(permissions).ConfigureAwait(false);

            async Task<string> MintAsync(Dictionary<string, string> asked)
            {
                var request = onlyRepository is null
                    ? (object)new { permissions = asked }
                    : new { permissions = asked, repositories = new[] { onlyRepository } };
                var response = await client.Connection.Post<AccessTokenAnswer>(
                    new Uri($"app/installations/{installation.Id}/access_tokens", UriKind.Relative), request, "application/vnd.github+json", "application/json").ConfigureAwait(false);
                return response.Body.Token ?? throw new GitHubException($"GitHub gave the App {appId} no installation token");
            }
        }
        catch (AuthorizationException ex)
        {
            throw new GitHubException($"GitHub rejected the App's JWT (401): check the App id {appId} and its private key ({keySource})", 401, ex);
        }
        catch (NotFoundException ex)
        {
            throw new GitHubException($"The GitHub App {appId} is not installed on organization '{org}' (404)", 404, ex);
        }
        catch (Exception ex) when (GitHubErrors.Translate(ex, $"an installation token for the App {appId}") is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Revokes an installation token (it would otherwise stay valid for an hour after the run).</summary>
    public static async Task RevokeAsync(GitHubEndpoint endpoint, string token, Func<HttpMessageHandler> handler)
    {
        var client = GitHubClientFactory.Create(endpoint, token, handler);
        await GitHubErrors.Guard(() => client.Connection.Delete(new Uri("installation/token", UriKind.Relative)), "the revocation of the installation token").ConfigureAwait(false);
    }

    private sealed class AccessTokenAnswer
    {
        public string? Token { get; set; }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
