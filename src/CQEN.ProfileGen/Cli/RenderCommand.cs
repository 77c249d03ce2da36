using System.CommandLine;

namespace CQEN.ProfileGen.Cli;

/// <summary>`profilegen render`: the profile README, from GitHub or from a snapshot file.</summary>
public sealed class RenderCommand : Command
{
    public RenderCommand(CommandContext context)
        : base("render", "Render the profile README from GitHub (or from --snapshot) to stdout or --output.")
    {
        Options.Add(RunOptions.Config);
        Options.Add(RunOptions.Org);
        Options.Add(RunOptions.Template);
        Options.Add(RunOptions.Snapshot);
        Options.Add(RunOptions.Output);
        foreach (var option in RunOptions.GitHubAccess)
        {
            Options.Add(option);
        }
        SetAction(async (parse, ct) =>
        {
            var settings = context.Resolve(parse);
            var job = new ProfileJob(context.Connector, context.Env.Clock, context.Warn);
            var snapshot = await context.Progress.PhaseAsync("Read the organization", () => job.ReadSnapshotAsync(settings, ct)).ConfigureAwait(false);
            var markdown = await context.Progress.PhaseAsync("Render", () => Task.FromResult(job.Render(snapshot, settings, ct))).ConfigureAwait(false);
            await context.WriteResultAsync(settings.OutputPath, markdown, ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }
}
