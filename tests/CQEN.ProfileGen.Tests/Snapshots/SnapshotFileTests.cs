using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Cli;

namespace CQEN.ProfileGen.Tests.Snapshots;

public class SnapshotFileTests
{
    private static readonly string Sample = CliHarness.Sample("cqen-qdce.snapshot.json");

    [Fact]
    public async Task As_a_source_it_gives_the_organization_it_holds_whatever_the_case_asked()
    {
        IOrgSource source = new SnapshotFile(Sample);

        Assert.Equal("CQEN-QDCE", (await source.ReadAsync("cqen-qdce", CancellationToken.None)).Org.Login);
    }

    [Fact]
    public async Task As_a_source_it_refuses_another_organization_instead_of_rendering_the_wrong_one()
    {
        IOrgSource source = new SnapshotFile(Sample);

        var error = await Assert.ThrowsAsync<InputException>(() => source.ReadAsync("another-org", CancellationToken.None));
        Assert.Equal($"'another-org' does not match the snapshot's organization 'CQEN-QDCE' ({Sample})", error.Message);
    }

    [Fact]
    public async Task A_mismatch_names_the_option_that_asked_for_the_organization()
    {
        IOrgSource source = new SnapshotFile(Sample, "--org");

        var error = await Assert.ThrowsAsync<InputException>(() => source.ReadAsync("another-org", CancellationToken.None));
        Assert.Equal($"--org: 'another-org' does not match the snapshot's organization 'CQEN-QDCE' ({Sample})", error.Message);
    }
}
