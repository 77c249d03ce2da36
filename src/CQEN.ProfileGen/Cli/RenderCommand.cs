using System.CommandLine;

namespace CQEN.ProfileGen.Cli;

/// <summary>`profilegen render`: the profile README, from GitHub or from a snapshot file.</summary>
internal sealed class RenderCommand : Command
{
    public RenderCommand(CommandContext context)
        : base("render", "Render the profile README from GitHub (or from --snapshot) to stdout or --output.")
    {
        foreach (var option in RunOptions.Rendering)
        {
            Options.Add(option);
        }
        SetAction(async (parse, ct) =>
        {
            var settings = context.Resolve(parse);
            var snapshot = await context.ReadSnapshotAsync(settings, ct).ConfigureAwait(false);
            var markdown = await context.Reporter.PhaseAsync("Render", () => Task.FromResult(context.Render(snapshot, settings, ct))).ConfigureAwait(false);
            await context.WriteResultAsync(settings.OutputPath, markdown, ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }
}
