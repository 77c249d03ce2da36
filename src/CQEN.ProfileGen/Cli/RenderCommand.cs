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
            // A checkout whose profile is hand-written with managed regions (publish.regions): the
            // page publish will propose, that file with its regions filled, not the whole-file template.
            var markdown = await context.Reporter.PhaseAsync("Render", () => Task.FromResult(
                settings.Config.Publish.Regions.Count > 0 && parse.GetValue(RunOptions.Template) is null
                    ? WithRegions(snapshot, settings, context.Env, ct)
                    : context.Render(snapshot, settings, ct))).ConfigureAwait(false);
            await context.WriteResultAsync(settings.OutputPath, markdown, ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }

    private static string WithRegions(Snapshots.OrgSnapshot snapshot, RunSettings settings, CliEnvironment env, CancellationToken ct)
    {
        var config = settings.Config;
        // The checkout is where profilegen.yml is; the hand-written file is at publish.target_path in it.
        var checkout = settings.ConfigPath is { } configPath ? Path.GetDirectoryName(Path.GetFullPath(configPath))! : env.CurrentDirectory;
        var path = Path.Combine(checkout, config.Publish.TargetPath);
        if (!File.Exists(path))
        {
            throw new InputException($"publish.regions: {path} does not exist; render fills the regions of the hand-written file in the checkout (or pass --template to render a whole file)");
        }
        var model = Rendering.TemplateModelBuilder.Build(snapshot, config, env.Clock.GetUtcNow());
        var regions = config.Publish.Regions.ToDictionary(r => r.Key, r => Rendering.ProfileRenderer.Render(Rendering.TemplateSource.FromFile(r.Value), model, ct: ct), StringComparer.Ordinal);
        return Rendering.ProfileRenderer.WithinBudget(Publishing.ManagedRegions.Splice(Utf8File.Read(path, path, "profile"), regions, path), config.Limits.MaxBytes, path);
    }
}
