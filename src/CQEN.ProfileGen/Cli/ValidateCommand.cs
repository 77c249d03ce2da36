using System.CommandLine;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// `profilegen validate`: checks the configuration and the templates (the profile's and the
/// managed regions') without calling GitHub, by rendering them against the snapshot given, or
/// else a made-up organization in which every field and group is present.
/// </summary>
internal sealed class ValidateCommand : Command
{
    private readonly Option<string[]> Region = new("--region") { HelpName = "NAME=FILE", Description = "NAME=FILE: also check the template of the managed region NAME (repeatable).", AllowMultipleArgumentsPerToken = false };

    public ValidateCommand(CommandContext context)
        : base("validate", "Check profilegen.yml, the template(s) and a --snapshot, without calling GitHub.")
    {
        Options.Add(context.Options.Config);
        Options.Add(context.Options.Org);
        Options.Add(context.Options.Template);
        Options.Add(context.Options.Snapshot);
        Options.Add(Region);
        SetAction(async (parse, ct) =>
        {
            // Resolving loads the configuration, and every load holds it to the schema editors use.
            var settings = context.Resolve(parse);
            var snapshot = settings.SnapshotPath is null
                ? SpecimenOrg.Create(settings.Config, settings.Org)
                : await context.ReadSnapshotAsync(settings, ct).ConfigureAwait(false);
            // Every file render makes (one per culture of `cultures:`, each from its own template
            // when a sibling such as profile.en.sbn exists), and the regions in each culture.
            var pages = context.Run.Pages(snapshot, settings.Config, settings.Template, settings.Config.Publish.TargetPath);
            var regions = RunOptions.Regions(parse, settings, context.Env, Region);
            foreach (var page in pages)
            {
                page.Render(settings.Config, ct);
                foreach (var template in regions.Values)
                {
                    Rendering.ProfileRenderer.Render(template, page.Model, ct: ct);
                }
            }
            await context.Env.Out.WriteLineAsync($"ok: {settings.ConfigPath ?? "(no configuration file)"}, template {settings.Template.DisplayPath}"
                + string.Concat(regions.Select(r => $", region {r.Key} {r.Value.DisplayPath}"))
                + (settings.SnapshotPath is null ? ", against a made-up organization with every field filled" : $", snapshot {settings.SnapshotPath}")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }
}
