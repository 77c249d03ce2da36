using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

// GitHub App authentication: a JWT signed with the App's private key (checked here with its
// public key) buys an installation token, which then works like any token.
public sealed partial class StandInGitHubServer
{
    /// <summary>Installation tokens minted, in order (revoked ones stay listed; <see cref="GitHubState.Tokens"/> says which still work).</summary>
    public List<string> MintedTokens { get; } = [];

    private Response OrgInstallation(Call call)
    {
        if (App(call) is not { } app)
        {
            return BadJwt();
        }
        if (call.Method != "GET")
        {
            return Error(404, "Not Found");
        }
        if (!app.Org.Equals(call["org"], StringComparison.OrdinalIgnoreCase))
        {
            return Error(404, "Not Found", "https://docs.github.com/rest/apps/apps#get-an-organization-installation-for-the-authenticated-app");
        }
        var json = Payload("get_orgs_org_installation.200.default.json");
        json["id"] = app.InstallationId;
        json["app_id"] = int.Parse(app.AppId, CultureInfo.InvariantCulture);
        json["account"]!["login"] = app.Org;
        return Json(200, json);
    }

    private Response InstallationToken(Call call)
    {
        if (App(call) is not { } app)
        {
            return BadJwt();
        }
        if (call.Method != "POST")
        {
            return Error(404, "Not Found");
        }
        if (call["id"] != app.InstallationId.ToString(CultureInfo.InvariantCulture))
        {
            return Error(404, "Not Found", "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app");
        }
        var token = "ghs_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
        var input = string.IsNullOrEmpty(call.Body) ? null : JsonNode.Parse(call.Body);
        var permissions = input?["permissions"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        var repositories = input?["repositories"]?.AsArray().Select(r => r!.GetValue<string>()).ToArray();
        static int Level(string? l) => l switch { "read" => 1, "write" => 2, "admin" => 3, _ => 0 };
        if (permissions is not null && permissions.Any(p => Level(p.Value) > Level(app.Permissions.GetValueOrDefault(p.Key))))
        {
            return Error(422, "The permissions requested are not granted to this installation.", "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app");
        }
        permissions ??= new Dictionary<string, string>(app.Permissions);
        State.Tokens[token] = new FakeToken(token, $"app-{app.AppId}[bot]", permissions.GetValueOrDefault("contents") == "write", State.NextId())
        {
            Kind = TokenKind.Installation,
            Repositories = repositories,
            Permissions = permissions,
        };
        MintedTokens.Add(token);
        var json = Payload("post_app_installations_installation_id_access_tokens.201.default.json");
        json["token"] = token;
        if (permissions is not null)
        {
            json["permissions"] = new JsonObject(permissions.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
        }
        json["repository_selection"] = repositories is null ? "all" : "selected";
        json["expires_at"] = Iso(DateTimeOffset.UtcNow.AddHours(1));
        return Json(201, json);
    }

    // The App whose key signed the JWT sent, if any.
    private FakeApp? App(Call call) => call.Token is { } jwt ? Verify(jwt) : null;

    private static Response BadJwt() =>
        Json(401, new JsonObject { ["message"] = "A JSON web token could not be decoded", ["documentation_url"] = "https://docs.github.com/rest", ["status"] = "401" });

    // RS256 signature by a registered App's key, issuer = its id, and a lifetime GitHub accepts.
    private FakeApp? Verify(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }
        try
        {
            var header = JsonNode.Parse(FromBase64Url(parts[0]));
            var payload = JsonNode.Parse(FromBase64Url(parts[1]))!;
            if (header?["alg"]?.GetValue<string>() != "RS256")
            {
                return null;
            }
            var iss = payload["iss"]?.ToString();
            var iat = payload["iat"]!.GetValue<long>();
            var exp = payload["exp"]!.GetValue<long>();
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            if (exp - iat > 600 || exp <= now || iat > now + 60)
            {
                return null;
            }
            var app = State.Apps.FirstOrDefault(a => a.AppId == iss);
            return app is not null && app.PublicKey.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                ? app
                : null;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException or NullReferenceException)
        {
            return null;
        }
    }

    private static byte[] FromBase64Url(string s)
    {
        var b64 = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '='));
    }
}
