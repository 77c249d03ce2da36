using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// The change list's and the first fill's words, in French and in English. Kept apart from
/// <see cref="Wording"/> so the two tables can change without stepping on each other.
/// </summary>
internal sealed record ChangeWording
{
    public required Func<string, string> FieldName { get; init; }
    public required Func<string, string> Visibility { get; init; }
    public required string None { get; init; }
    public required string Added { get; init; }
    public required string Removed { get; init; }
    public required string Archived { get; init; }
    public required string Unarchived { get; init; }
    public required string Listed { get; init; }
    public required string Unlisted { get; init; }
    public required string Colon { get; init; }
    public required (string Open, string Close) Quotes { get; init; }
    public required Func<string, string> SinceProposal { get; init; }
    public required Func<string, string, string> SinceBase { get; init; }
    public required string NothingChanged { get; init; }
    public required Func<string, string> More { get; init; }
    public required Func<string, string> PushedOnly { get; init; }
    public required string FirstFill { get; init; }
    public required string GroupHeader { get; init; }
    public required Func<string, string> ProposedFile { get; init; }
    public required Func<string, string> AllRepositories { get; init; }
    public required string CardsTitle { get; init; }
    public required string CardsIntro { get; init; }
    public required string CardFileHeader { get; init; }
    public required string CardChangeHeader { get; init; }
    public required string CardBytesHeader { get; init; }

    /// <summary>added, changed, removed or unchanged, said of a card file.</summary>
    public required Func<string, string> CardChange { get; init; }

    /// <summary>A dry run's line for one card file: its path, its change, its size in bytes.</summary>
    public required Func<string, string, string, string> CardLine { get; init; }

    /// <summary>The words of the plan of writes, its notes and a blocked run's reasons (the console and the job summary).</summary>
    public required PlanWording Plan { get; init; }

    public static ChangeWording For(ProfileCulture culture) => culture == ProfileCulture.English ? English : French;

    private static readonly ChangeWording French = new()
    {
        FieldName = field => field switch
        {
            "summary" => "description",
            "lifecycle" => "cycle de vie",
            "language" => "langage",
            "license" => "licence",
            "visibility" => "visibilité",
            "url" => "adresse",
            "pushed" => "dernière poussée",
            "name" => "nom",
            _ when field.StartsWith("health.", StringComparison.Ordinal) => $"santé ({field["health.".Length..]})",
            _ => field,
        },
        Visibility = v => v switch { "private" => "privé", "internal" => "interne", _ => v },
        None = "(aucun)",
        Added = "ajouté",
        Removed = "retiré",
        Archived = "archivé",
        Unarchived = "désarchivé",
        Listed = "maintenant présenté par le profil",
        Unlisted = "n'est plus présenté par le profil",
        Colon = " : ",
        Quotes = ("« ", " »"),
        SinceProposal = n => $"Depuis la proposition précédente ({n})",
        SinceBase = (baseName, n) => $"Depuis {baseName} ({n})",
        NothingChanged = "Aucun dépôt n'a changé.",
        More = rest => $"- … et {rest} autres (le fichier de faits, sous Files changed, les montre tous)",
        PushedOnly = n => $"- dernière poussée d'un autre mois pour {n} dépôt(s) : ",
        FirstFill = "Première version du profil : ce qu'il présente, groupe par groupe.",
        GroupHeader = "| Groupe | Dépôts |\n| --- | ---: |",
        ProposedFile = link => $"Le fichier proposé, tel que GitHub l'affichera : {link}.",
        AllRepositories = n => $"**Total** | **{n}**",
        CardsTitle = "Cartes",
        CardsIntro = "Les cartes sont des fichiers SVG du même commit que le profil (onglet « Files changed » de la demande de tirage) ; voici ce qu'elles disent.",
        CardFileHeader = "Fichier",
        CardChangeHeader = "Changement",
        CardBytesHeader = "Octets",
        CardChange = kind => kind switch { "added" => "ajoutée", "removed" => "supprimée", "changed" => "modifiée", _ => "inchangée" },
        CardLine = (path, change, bytes) => $"carte {path} : {change} ({bytes} octets)",
        Plan = new()
        {
            Commit = (files, baseName, sha, added, removed, create, branch) => $"commit de {files} sur {baseName} ({sha}) : +{added} −{removed} lignes; {(create ? "création" : "déplacement")} de la branche {branch} sur ce commit",
            Files = (first, others) => others == 0 ? first : $"{first} et {others} autre{(others > 1 ? "s" : "")} fichier{(others > 1 ? "s" : "")}",
            DeleteBranch = branch => $"suppression de la branche {branch}",
            OpenPull = (head, baseName, title) => $"ouverture d'une demande de tirage {head} → {baseName} : « {title} »",
            UpdatePull = n => $"mise à jour du titre et de la description de #{n}",
            AddLabels = labels => $"ajout des étiquettes {labels}",
            RequestReviewers = who => $"demande de révision à {who}",
            Team = team => "l'équipe " + team,
            Assign = who => $"assignation à {who}",
            Comment = (n, why) => $"commentaire sur #{n} : {why}",
            Close = n => $"fermeture de #{n}",
            Would = "à faire : ",
            BaseHasIt = baseName => $"{baseName} a déjà ce contenu",
            SomeonePushed = "quelqu'un d'autre a poussé sur la branche",
            LeaveOpen = (n, baseName, branch) => $"#{n} reste ouverte : {baseName} a déjà ce contenu, mais la branche {branch} porte des commits que profilegen n'a pas faits",
            LeftOpen = (baseName, n, branch) => $"{baseName} a déjà ce contenu, mais #{n} porte sur {branch} des commits que profilegen n'a pas faits; elle est restée ouverte (relancez avec --force pour la fermer; la branche est gardée)",
            KeepBranch = branch => $"branche {branch} gardée : elle porte des commits que profilegen n'a pas faits",
            LeaveBranch = branch => $"branche {branch} laissée telle quelle : quelqu'un d'autre y a poussé",
            ForeignCommits = (branch, repo) => $"la branche {branch} de {repo} porte des commits que profilegen n'a pas faits; ils ont été laissés tels quels (relancez avec --force pour les remplacer)",
            BranchKept = (branch, why) => $"branche {branch} gardée : {why}",
            TimeLimit = done => $"le temps alloué à l'exécution s'est écoulé pendant les écritures, après : {done}; la prochaine exécution fera le reste",
        },
    };

    private static readonly ChangeWording English = new()
    {
        FieldName = field => field switch
        {
            "summary" => "description",
            "lifecycle" => "lifecycle",
            "language" => "language",
            "license" => "licence",
            "visibility" => "visibility",
            "url" => "address",
            "pushed" => "last push",
            "name" => "name",
            _ when field.StartsWith("health.", StringComparison.Ordinal) => $"health ({field["health.".Length..]})",
            _ => field,
        },
        Visibility = v => v,
        None = "(none)",
        Added = "added",
        Removed = "removed",
        Archived = "archived",
        Unarchived = "unarchived",
        Listed = "now listed by the profile",
        Unlisted = "no longer listed by the profile",
        Colon = ": ",
        Quotes = ("“", "”"),
        SinceProposal = n => $"Since the previous proposal ({n})",
        SinceBase = (baseName, n) => $"Since {baseName} ({n})",
        NothingChanged = "No repository changed.",
        More = rest => $"- … and {rest} more (the facts file under Files changed has them all)",
        PushedOnly = n => $"- last push in another month for {n} repositor{(n == "1" ? "y" : "ies")}: ",
        FirstFill = "First version of the profile: what it lists, group by group.",
        GroupHeader = "| Group | Repositories |\n| --- | ---: |",
        ProposedFile = link => $"The proposed file, as GitHub will show it: {link}.",
        AllRepositories = n => $"**Total** | **{n}**",
        CardsTitle = "Cards",
        CardsIntro = "The cards are SVG files in the same commit as the profile (the pull request's Files changed tab); here is what they say.",
        CardFileHeader = "File",
        CardChangeHeader = "Change",
        CardBytesHeader = "Bytes",
        CardChange = kind => kind switch { "added" => "added", "removed" => "removed", "changed" => "changed", _ => "unchanged" },
        CardLine = (path, change, bytes) => $"card {path}: {change} ({bytes} bytes)",
        Plan = new()
        {
            Commit = (files, baseName, sha, added, removed, create, branch) => $"commit {files} on {baseName} ({sha}): +{added} -{removed} lines; {(create ? "create" : "move")} branch {branch} to it",
            Files = (first, others) => others == 0 ? first : $"{first} and {others} other file{(others > 1 ? "s" : "")}",
            DeleteBranch = branch => $"delete branch {branch}",
            OpenPull = (head, baseName, title) => $"open a pull request {head} → {baseName}: \"{title}\"",
            UpdatePull = n => $"update the title and description of #{n}",
            AddLabels = labels => $"add the label(s) {labels}",
            RequestReviewers = who => $"request a review from {who}",
            Team = team => "team " + team,
            Assign = who => $"assign {who}",
            Comment = (n, why) => $"comment on #{n}: {why}",
            Close = n => $"close #{n}",
            Would = "would ",
            BaseHasIt = baseName => $"{baseName} already has this content",
            SomeonePushed = "someone else pushed to the branch",
            LeaveOpen = (n, baseName, branch) => $"leave #{n} open: {baseName} already has this content, but branch {branch} has commits profilegen did not make",
            LeftOpen = (baseName, n, branch) => $"{baseName} already has this content, but #{n} carries commits that profilegen did not make on {branch}; it was left open (run with --force to close it; the branch is kept)",
            KeepBranch = branch => $"keep branch {branch}: it holds commits profilegen did not make",
            LeaveBranch = branch => $"leave branch {branch} alone: someone else pushed to it",
            ForeignCommits = (branch, repo) => $"branch {branch} of {repo} has commits that profilegen did not make; they were left alone (run with --force to replace them)",
            BranchKept = (branch, why) => $"branch {branch} kept: {why}",
            TimeLimit = done => $"the run's time limit was reached during the writes, after: {done}; the next run completes the rest",
        },
    };
}

/// <summary>The plan's words: each write as a line, the notes on what is left alone, a blocked run's reasons.</summary>
internal sealed record PlanWording
{
    /// <summary>(files, base, base sha, lines added, lines removed, whether the branch is created, branch).</summary>
    public required Func<string, string, string, int, int, bool, string, string> Commit { get; init; }

    /// <summary>(first path, how many others).</summary>
    public required Func<string, int, string> Files { get; init; }
    public required Func<string, string> DeleteBranch { get; init; }
    public required Func<string, string, string, string> OpenPull { get; init; }
    public required Func<int, string> UpdatePull { get; init; }
    public required Func<string, string> AddLabels { get; init; }
    public required Func<string, string> RequestReviewers { get; init; }
    public required Func<string, string> Team { get; init; }
    public required Func<string, string> Assign { get; init; }
    public required Func<int, string, string> Comment { get; init; }
    public required Func<int, string> Close { get; init; }

    /// <summary>Before each step of a dry run's plan.</summary>
    public required string Would { get; init; }
    public required Func<string, string> BaseHasIt { get; init; }
    public required string SomeonePushed { get; init; }
    public required Func<int, string, string, string> LeaveOpen { get; init; }
    public required Func<string, int, string, string> LeftOpen { get; init; }
    public required Func<string, string> KeepBranch { get; init; }
    public required Func<string, string> LeaveBranch { get; init; }
    public required Func<string, string, string> ForeignCommits { get; init; }
    public required Func<string, string, string> BranchKept { get; init; }
    public required Func<string, string> TimeLimit { get; init; }
}
