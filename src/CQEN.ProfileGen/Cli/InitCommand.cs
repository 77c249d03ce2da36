using System.CommandLine;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// `profilegen init`: sets up an organization's `.github` checkout with a configuration, a copy
/// of the default template (to edit) and the scheduled workflow. Never overwrites without --force,
/// and checks every target before writing any, so a refusal leaves the folder untouched.
/// </summary>
public sealed class InitCommand : Command
{
    private static readonly Option<DirectoryInfo?> Directory = new("--directory", "-C")
    {
        Description = "The checkout of the organization's .github repository (default: the current folder).",
    };

    private static readonly Option<string?> Culture = new("--culture")
    {
        Description = "fr-CA (default) or en: the template variant to copy.",
    };

    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Overwrite files that already exist.",
    };

    public InitCommand(CommandContext context)
        : base("init", "Write profilegen.yml, the default template and the scheduled workflow into a .github repository checkout.")
    {
        Options.Add(RunOptions.Org);
        Options.Add(Directory);
        Options.Add(Culture);
        Options.Add(Force);
        SetAction(async (parse, ct) =>
        {
            var org = parse.GetValue(RunOptions.Org) ?? throw new InputException("--org: init needs the organization login (e.g. --org CQEN-QDCE)");
            var culture = parse.GetValue(Culture) ?? "fr-CA";
            if (culture is not ("fr-CA" or "en"))
            {
                throw new InputException($"--culture: must be fr-CA or en (got '{culture}')");
            }
            var root = parse.GetValue(Directory) is { } d ? context.Env.ResolvePath(d.ToString()) : context.Env.CurrentDirectory;
            if (!System.IO.Directory.Exists(root))
            {
                throw new InputException($"--directory: folder does not exist: {root}");
            }

            var files = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["profilegen.yml"] = Starter("profilegen.yml").Replace("{{ org }}", org, StringComparison.Ordinal).Replace("{{ culture }}", culture, StringComparison.Ordinal),
                ["profile.sbn"] = TemplateSource.Default(culture).Text,
                ["header.sbn"] = TemplateSource.Embedded("header.sbn").Text,
                [Path.Combine(".github", "workflows", "profile-readme.yml")] = Starter("profile-readme.yml"),
            };
            var force = parse.GetValue(Force);
            var existing = files.Keys.Where(f => File.Exists(Path.Combine(root, f))).ToArray();
            if (existing.Length > 0 && !force)
            {
                throw new InputException($"init: {string.Join(", ", existing)} already exist{(existing.Length == 1 ? "s" : "")} in {root}; nothing was written (use --force to overwrite)");
            }
            foreach (var (name, text) in files)
            {
                var path = Path.Combine(root, name);
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, text, new System.Text.UTF8Encoding(false), ct).ConfigureAwait(false);
                await context.Env.Out.WriteLineAsync($"wrote {name}").ConfigureAwait(false);
            }
            await context.Env.Out.WriteLineAsync("next: profilegen publish --dry-run   (shows what the first pull request would change)").ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }

    private static string Starter(string name)
    {
        using var stream = typeof(InitCommand).Assembly.GetManifestResourceStream("starter/" + name)
            ?? throw new InvalidOperationException($"the tool was built without its starter file '{name}'");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
