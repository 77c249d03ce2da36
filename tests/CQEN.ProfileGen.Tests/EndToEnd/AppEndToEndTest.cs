using System.Security.Cryptography;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// An end-to-end test run as a GitHub App: the stand-in knows the App (<see cref="AppId"/>,
/// installed on "org") by its public key, and the run reads the private key from <see cref="KeyFile"/>.
/// </summary>
public abstract class AppEndToEndTest(int repos = 5) : EndToEndTest(repos)
{
    protected const string AppId = "4242";

    /// <summary>The App's key: every App test uses the same one, made once (see <see cref="TestKeys"/>).</summary>
    protected RSA Key { get; } = TestKeys.Import(TestKeys.App);

    protected string KeyFile => Path.Combine(Dir, "app.pem");

    protected override void Arrange(GitHubState state)
    {
        var publicKey = RSA.Create();
        publicKey.ImportRSAPublicKey(Key.ExportRSAPublicKey(), out _);
        state.AddApp(AppId, publicKey, "org");
        File.WriteAllText(KeyFile, Key.ExportRSAPrivateKeyPem()); // "BEGIN RSA PRIVATE KEY", as GitHub gives it
    }

    public override async Task DisposeAsync()
    {
        Key.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>
/// RSA keys for the App tests, made once per test run: making a 2,048-bit key is a search for
/// primes that costs a tenth of a second of CPU or more, and the tests made one each (a tenth of
/// the end-to-end tests' CPU). A test gets its own RSA object from the shared PEM.
/// </summary>
internal static class TestKeys
{
    /// <summary>The App's private key, PEM ("BEGIN RSA PRIVATE KEY", as GitHub gives it).</summary>
    public static readonly string App = NewPem();

    /// <summary>A well-formed key the stand-in does not know.</summary>
    public static readonly string Other = NewPem();

    public static RSA Import(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }

    private static string NewPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportRSAPrivateKeyPem();
    }
}
