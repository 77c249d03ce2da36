using System.CommandLine;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Cli;

/// <summary>`profilegen snapshot`: everything read from GitHub, as one versioned JSON document.</summary>
internal sealed class SnapshotCommand : Command
{
    public SnapshotCommand(CommandContext context)
        : base("snapshot", "Read the organization from GitHub and write its snapshot (JSON) to stdout or --output.")
    {
        Options.Add(context.Options.Config);
        Options.Add(context.Options.Org);
        Options.Add(context.Options.Output);
        foreach (var option in context.Options.GitHubAccess)
        {
            Options.Add(option);
        }
        SetAction(async (parse, ct) =>
        {
            var settings = context.Resolve(parse);
            var snapshot = await context.ReadSnapshotAsync(settings, ct).ConfigureAwait(false);
            await context.WriteResultAsync(settings.OutputPath, SnapshotJson.Serialize(snapshot), ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }
}
