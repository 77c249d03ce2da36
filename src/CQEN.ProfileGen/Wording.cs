using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen;

/// <summary>
/// Every sentence the tool writes for readers of the organization (the pull request, its
/// comments, default group titles), in French and in English: one table, so a wording is
/// changed — or a culture added — in one place.
/// </summary>
internal sealed record Wording
{
    public required string PullRequestTitle { get; init; }
    public required string PullRequestIntro { get; init; }
    public required Func<int, int, string> LinesChanged { get; init; }
    public required string ReposAdded { get; init; }
    public required string ReposRemoved { get; init; }
    public required string ReposChanged { get; init; }
    public required Func<string, string> MoreNames { get; init; }
    public required string ListShortened { get; init; }
    public required Func<string, string> Closing { get; init; }
    public required Func<string, string> ForeignCommits { get; init; }
    public required string AuditTitle { get; init; }
    public required Func<int, int, int, string> AuditCounts { get; init; }
    public required string AuditClean { get; init; }
    public required string AuditTableHeader { get; init; }
    public required Func<int, string> MoreFindings { get; init; }
    public required string AllRepositories { get; init; }
    public required string OtherGroup { get; init; }
    public required Func<string, string> CommitMessage { get; init; }
    public required JobSummaryWords Summary { get; init; }

    /// <summary>A line of the pull request for what GitHub refused (kind: label, reviewer, team, assignee, draft; the name in a code span).</summary>
    public required Func<string, string, string> Refused { get; init; }

    public static Wording For(ProfileCulture culture) => culture == ProfileCulture.English ? English : French;

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static readonly Wording French = new()
    {
        PullRequestTitle = "Mise à jour du profil de l'organisation",
        PullRequestIntro = "Cette demande de tirage a été produite par **CQEN.ProfileGen** à partir de ce que l'organisation détient sur GitHub. Elle est mise à jour à chaque exécution; fusionnez-la quand elle vous convient.",
        LinesChanged = (added, removed) => $"**{added}** lignes ajoutées, **{removed}** retirées.",
        ReposAdded = "Dépôts ajoutés",
        ReposRemoved = "Dépôts retirés",
        ReposChanged = "Dépôts modifiés",
        MoreNames = rest => $"- … et {rest} autres (le diff, sous Files changed, les montre tous)",
        ListShortened = "_(liste abrégée pour respecter la limite de taille de GitHub)_",
        Closing = baseName => $"{baseName} contient déjà ce contenu : cette demande de tirage n'est plus nécessaire. _(CQEN.ProfileGen)_",
        ForeignCommits = branch => $"Quelqu'un a poussé des commits sur `{branch}`. CQEN.ProfileGen ne touche plus à cette demande de tirage pour ne pas perdre ce travail; lancez-le avec `--force` pour reprendre la branche.",
        AuditTitle = "Audit de l'organisation : ",
        AuditCounts = (errors, warnings, notices) => $"{errors} erreur{(errors > 1 ? "s" : "")}, {warnings} avertissement{(warnings > 1 ? "s" : "")}, {notices} remarque{(notices > 1 ? "s" : "")}",
        AuditClean = "Rien à corriger dans les dépôts que le profil présente.",
        AuditTableHeader = "| Dépôt | Règle | Constat |",
        MoreFindings = rest => $"… et {rest} autres : `profilegen audit` les liste tous.",
        AllRepositories = "Dépôts",
        OtherGroup = "Autres",
        CommitMessage = path => $"Mise à jour de {path} à partir des données de l'organisation",
        Summary = new()
        {
            Title = "Profil de l'organisation",
            PullRequest = n => $"demande de tirage n° {n}",
            Lines = (added, removed, baseName) => $"+{added} −{removed} lignes par rapport à {baseName}",
            Opened = (pr, lines) => $"**Ouverte** : {pr}, {lines}.",
            Updated = (pr, lines) => $"**Mise à jour** : {pr}, {lines}.",
            Closed = (pr, baseName) => $"**Fermée** : {pr}, {baseName} contient déjà ce contenu.",
            WouldCreate = lines => $"**Essai** : ouvrirait une demande de tirage, {lines}.",
            WouldUpdate = (pr, lines) => $"**Essai** : mettrait à jour {pr}, {lines}.",
            WouldClose = (pr, baseName) => $"**Essai** : fermerait {pr}, {baseName} contient déjà ce contenu.",
            Blocked = pr => $"**Bloquée**{(pr is null ? "" : $" ({pr})")} : rien n'a été modifié.",
            UpToDate = "**Aucun changement** : le profil est à jour.",
            AlreadyProposed = pr => $"**Aucun changement** depuis la dernière exécution : {pr} propose déjà ce contenu.",
            Diff = "Différences",
            Preview = "Aperçu du nouveau README",
            DiffCutRunLog = "_Les différences sont coupées ici pour garder ce résumé sous 1 Mio (limite de GitHub); le journal de l'exécution les contient toutes._",
            DiffCutPullRequest = pr => $"_Les différences sont coupées ici pour garder ce résumé sous 1 Mio (limite de GitHub); elles sont toutes sous Files changed dans {pr}._",
            PreviewCut = "_L'aperçu est coupé ici pour garder ce résumé sous 1 Mio (limite de GitHub)._",
            Cut = "_Ce résumé est coupé ici pour rester sous 1 Mio (limite de GitHub); le journal de l'exécution contient le reste._",
            Failed = message => $"**Échec** : {message}",
            NothingWritten = "Rien n'a été écrit, sauf si le message dit le contraire; le journal de l'exécution donne les détails.",
        },
        Refused = (kind, name) => kind switch
        {
            "label" => $"GitHub a refusé l'étiquette {name} (la créer demande `issues: write`).",
            "reviewer" => $"GitHub a refusé de demander une révision à {name} (pas collaborateur du dépôt, ou auteur de la demande).",
            "team" => $"GitHub a refusé de demander une révision à l'équipe {name} (le jeton doit pouvoir lire les équipes : *Members: read* ou `read:org`).",
            "assignee" => $"GitHub n'a pas assigné {name} (pas d'accès en écriture au dépôt).",
            _ => "GitHub n'offre pas les brouillons dans ce dépôt (privé, forfait GitHub Free) : demande de tirage ordinaire.",
        } + " _Pas redemandé pour cette demande de tirage._",
    };

    private static readonly Wording English = new()
    {
        PullRequestTitle = "Update the organization profile",
        PullRequestIntro = "This pull request was made by **CQEN.ProfileGen** from what the organization holds on GitHub. It is updated on each run; merge it when it looks right.",
        LinesChanged = (added, removed) => $"**{added}** lines added, **{removed}** removed.",
        ReposAdded = "Repositories added",
        ReposRemoved = "Repositories removed",
        ReposChanged = "Repositories changed",
        MoreNames = rest => $"- … and {rest} more (the diff under Files changed has them all)",
        ListShortened = "_(list shortened to stay within GitHub's size limit)_",
        Closing = baseName => $"{baseName} already has this content, so this pull request is no longer needed. _(CQEN.ProfileGen)_",
        ForeignCommits = branch => $"Someone pushed commits to `{branch}`. CQEN.ProfileGen leaves this pull request alone so their work is not lost; run it with `--force` to take the branch back.",
        AuditTitle = "Organization audit: ",
        AuditCounts = (errors, warnings, notices) => $"{errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")}, {notices} {Plural(notices, "notice")}",
        AuditClean = "Nothing to fix in the repositories the profile lists.",
        AuditTableHeader = "| Repository | Rule | Finding |",
        MoreFindings = rest => $"… and {rest} more: `profilegen audit` lists them all.",
        AllRepositories = "Repositories",
        OtherGroup = "Other",
        CommitMessage = path => $"Update {path} from the organization's data",
        Summary = new()
        {
            Title = "Profile README",
            PullRequest = n => $"pull request #{n}",
            Lines = (added, removed, baseName) => $"+{added} −{removed} lines against {baseName}",
            Opened = (pr, lines) => $"**Opened** {pr}: {lines}.",
            Updated = (pr, lines) => $"**Updated** {pr}: {lines}.",
            Closed = (pr, baseName) => $"**Closed** {pr}: {baseName} already has this content.",
            WouldCreate = lines => $"**Dry run**: would open a pull request, {lines}.",
            WouldUpdate = (pr, lines) => $"**Dry run**: would update {pr}, {lines}.",
            WouldClose = (pr, baseName) => $"**Dry run**: would close {pr}: {baseName} already has this content.",
            Blocked = pr => $"**Blocked**{(pr is null ? "" : $" ({pr})")}: nothing was changed.",
            UpToDate = "**No change**: the profile is up to date.",
            AlreadyProposed = pr => $"**No change** since the last run: {pr} already proposes this.",
            Diff = "Diff",
            Preview = "Preview of the new README",
            DiffCutRunLog = "_The diff is cut here to keep this summary under GitHub's 1 MiB; the whole diff is in the run log._",
            DiffCutPullRequest = pr => $"_The diff is cut here to keep this summary under GitHub's 1 MiB; the whole diff is under Files changed in {pr}._",
            PreviewCut = "_The preview is cut here to keep this summary under GitHub's 1 MiB._",
            Cut = "_This summary is cut here to stay under GitHub's 1 MiB; the run log has the rest._",
            Failed = message => $"**Failed**: {message}",
            NothingWritten = "Nothing was written unless the message says otherwise; the run log has the details.",
        },
        Refused = (kind, name) => kind switch
        {
            "label" => $"GitHub refused the label {name} (creating it needs `issues: write`).",
            "reviewer" => $"GitHub refused to ask {name} for a review (not a collaborator of the repository, or the pull request's author).",
            "team" => $"GitHub refused to ask the team {name} for a review (the token must read teams: *Members: read* or `read:org`).",
            "assignee" => $"GitHub did not assign {name} (no write access to the repository).",
            _ => "GitHub has no draft pull requests in this repository (private, GitHub Free plan): this is a normal pull request.",
        } + " _Not asked again for this pull request._",
    };
}

/// <summary>The job summary's sentences (GitHub Actions), in the profile's language.</summary>
internal sealed record JobSummaryWords
{
    public required string Title { get; init; }
    public required Func<int?, string> PullRequest { get; init; }
    public required Func<int, int, string, string> Lines { get; init; }
    public required Func<string?, string, string> Opened { get; init; }
    public required Func<string?, string, string> Updated { get; init; }
    public required Func<string?, string, string> Closed { get; init; }
    public required Func<string, string> WouldCreate { get; init; }
    public required Func<string?, string, string> WouldUpdate { get; init; }
    public required Func<string?, string, string> WouldClose { get; init; }
    public required Func<string?, string> Blocked { get; init; }
    public required string UpToDate { get; init; }
    public required Func<string, string> AlreadyProposed { get; init; }
    public required string Diff { get; init; }
    public required string Preview { get; init; }
    public required string DiffCutRunLog { get; init; }
    public required Func<string, string> DiffCutPullRequest { get; init; }
    public required string PreviewCut { get; init; }
    public required string Cut { get; init; }
    public required Func<string, string> Failed { get; init; }
    public required string NothingWritten { get; init; }
}
