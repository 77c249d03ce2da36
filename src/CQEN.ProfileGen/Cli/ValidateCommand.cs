using System.CommandLine;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// `profilegen validate`: checks the configuration and the template (and a snapshot when given)
/// without calling GitHub, by rendering against the snapshot or an empty organization.
/// </summary>
public sealed class ValidateCommand : Command
{
    public ValidateCommand(CommandContext context)
        : base("validate", "Check profilegen.yml, the template(s) and a --snapshot, without calling GitHub.")
    {
        Options.Add(RunOptions.Config);
        Options.Add(RunOptions.Org);
        Options.Add(RunOptions.Template);
        Options.Add(RunOptions.Snapshot);
        SetAction(async (parse, ct) =>
        {
            var settings = context.Resolve(parse);
            var job = new ProfileJob(context.Connector, context.Env.Clock, context.Warn);
            var snapshot = settings.SnapshotPath is null
                ? new OrgSnapshot { Org = new OrgProfile { Login = settings.Org ?? "example-org", Url = $"https://github.com/{settings.Org ?? "example-org"}" } }
                : await job.ReadSnapshotAsync(settings, ct).ConfigureAwait(false);
            job.Render(snapshot, settings, ct);
            await context.Env.Out.WriteLineAsync($"ok: {settings.ConfigPath ?? "(no configuration file)"}, template {settings.Template.DisplayPath}"
                + (settings.SnapshotPath is null ? "" : $", snapshot {settings.SnapshotPath}")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }
}
