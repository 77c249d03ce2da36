using System.CommandLine;
using CQEN.ProfileGen.Application;
using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// `profilegen init`: sets up an organization's `.github` checkout with a configuration, a copy
/// of the default template (to edit) and the scheduled workflow. A hand-written
/// `profile/README.md` is kept: init gives the tool a managed region in it (at its end, or the
/// `repos` region already there), so the first pull request only adds. Never overwrites without
/// --force, and writes all of its files or none.
/// </summary>
internal sealed class InitCommand : Command
{
    // init reads no configuration: the login it is given becomes `org:` in the profilegen.yml it writes.
    private readonly Option<string?> Org = new("--org")
    {
        HelpName = "LOGIN",
        Description = "Organization login, e.g. CQEN-QDCE (required): written as `org` in the new profilegen.yml.",
    };

    private readonly Option<DirectoryInfo?> Directory = new("--directory", "-C")
    {
        HelpName = "DIR",
        Description = "The checkout of the organization's .github repository (default: the current folder).",
    };

    private readonly Option<string?> Culture = new Option<string?>("--culture")
    {
        Description = "fr-CA (default) or en: the template variant to copy.",
    }.AcceptOnlyFromAmong([.. Choices.Cultures.Keys]);

    // A snapshot of the organization (`profilegen snapshot`): the starter configuration's grouping
    // examples then name the lifecycles its READMEs use. Read before anything is written.
    private readonly Option<FileInfo?> LifecyclesFrom = new("--snapshot")
    {
        HelpName = "FILE",
        Description = "A snapshot of the organization (profilegen snapshot): propose its own lifecycle values in profilegen.yml.",
    };

    private readonly Option<bool> Force = new("--force")
    {
        Description = "Overwrite files that already exist.",
    };

    public InitCommand(CommandContext context)
        : base("init", "Write profilegen.yml, the default template and the scheduled workflow into a .github repository checkout.")
    {
        Options.Add(Org);
        Options.Add(Directory);
        Options.Add(Culture);
        Options.Add(Force);
        Options.Add(LifecyclesFrom);
        SetAction(async (parse, ct) =>
        {
            var org = parse.GetValue(Org) ?? throw new InputException("--org: init needs the organization login (e.g. --org CQEN-QDCE); nothing was written");
            if (!GitHubLogin.IsValid(org))
            {
                throw new InputException($"--org: '{Shorten(org)}' is not a GitHub organization login ({GitHubLogin.Rule}); nothing was written");
            }
            // AcceptOnlyFromAmong has refused any other word before the action runs.
            var culture = parse.GetValue(Culture) is { } word ? Choices.Cultures[word] : ProfileCulture.French;
            var root = parse.GetValue(Directory) is { } d ? context.Env.ResolvePath(d.ToString()) : context.Env.CurrentDirectory;
            if (!System.IO.Directory.Exists(root))
            {
                throw new InputException($"--directory: folder does not exist: {root}");
            }

            var snapshotPath = parse.GetValue(LifecyclesFrom) is { } from ? context.Env.ResolvePath(from.ToString()) : null;
            if (snapshotPath is not null && !File.Exists(snapshotPath))
            {
                throw new InputException($"--snapshot: file not found: {snapshotPath}; nothing was written");
            }
            var result = await ProfileInit.RunAsync(new InitOrder(org, culture, root, snapshotPath, parse.GetValue(Force)), ct).ConfigureAwait(false);
            var (readme, region) = (ProfileInit.ProfileReadme, ProfileInit.RegionName);
            foreach (var name in result.Written)
            {
                await context.Env.Out.WriteLineAsync(name == readme ? $"kept {name} (hand-written), and added the managed region '{region}' at its end" : $"wrote {name}").ConfigureAwait(false);
            }
            if (result.RegionAlreadyThere == true)
            {
                await context.Env.Out.WriteLineAsync($"kept {readme} (hand-written): the tool fills its region '{region}'").ConfigureAwait(false);
            }
            await context.Env.Out.WriteLineAsync(result.RegionAlreadyThere is null
                ? "next: profilegen publish --dry-run   (shows what the first pull request would change); " + ProfileInit.ActionsSettingFirst
                : $"next: commit and push these files, then profilegen publish --dry-run   (the first pull request only fills the region '{region}'); {ProfileInit.ActionsSettingFirst}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
