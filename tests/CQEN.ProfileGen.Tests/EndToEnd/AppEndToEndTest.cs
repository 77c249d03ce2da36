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

    protected RSA Key { get; } = RSA.Create(2048);

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
