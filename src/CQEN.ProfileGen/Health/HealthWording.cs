using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Health;

/// <summary>The health view's, the health findings' and the health changes' words, in French and in English.</summary>
internal sealed record HealthWording
{
    /// <summary>A state ("inherited", "failing", "stale"…) in words.</summary>
    public required Func<string, string> State { get; init; }

    /// <summary>A signal's name ("security_policy", "ci"…) in words.</summary>
    public required Func<string, string> Signal { get; init; }

    /// <summary>The finding for a missing community file: which file, and whether the repository could inherit one (public).</summary>
    public required Func<CommunityFile, bool, string> FileMissing { get; init; }

    /// <summary>The finding for a failing default branch: the branch.</summary>
    public required Func<string, string> CiFailing { get; init; }

    /// <summary>The finding for a stale repository: days since the last push, the date, the stale threshold.</summary>
    public required Func<int, string, int, string> Stale { get; init; }
    public required string NoRelease { get; init; }

    // The change list's sentences for the changes a reviewer looks for first.
    public required string CiTurnedRed { get; init; }
    public required string CiBackToGreen { get; init; }
    public required string SecurityPolicyAdded { get; init; }
    public required string WentStale { get; init; }
    public required Func<string, string> NewRelease { get; init; }

    public static HealthWording For(ProfileCulture culture) => culture == ProfileCulture.English ? English : French;

    private static readonly HealthWording French = new()
    {
        State = state => state switch
        {
            CommunityInheritance.Own => "propre au dépôt",
            CommunityInheritance.Inherited => "hérité du dépôt .github",
            CommunityInheritance.Missing => "absent",
            RepoHealth.Passing => "réussie",
            RepoHealth.Failing => "en échec",
            RepoHealth.Pending => "en cours",
            RepoHealth.Released => "publiée",
            RepoHealth.Active => "actif",
            RepoHealth.Slowing => "ralenti",
            RepoHealth.Stale => "inactif",
            RepoHealth.Exempt => "exempté",
            RepoHealth.Archived => "archivé",
            Snapshots.HealthValues.None => "aucune",
            _ => "inconnu",
        },
        Signal = signal => signal switch
        {
            "security_policy" => "politique de sécurité",
            "code_of_conduct" => "code de conduite",
            "contributing" => "guide de contribution",
            "ci" => "intégration continue",
            "release" => "dernière version",
            "activity" => "activité",
            _ => signal,
        },
        FileMissing = (kind, canInherit) => kind switch
        {
            CommunityFile.SecurityPolicy => "Le dépôt n'a pas de politique de sécurité (SECURITY.md)" + (canInherit ? ", ni la sienne ni celle du dépôt .github de l'organisation : ajoutez un SECURITY.md qui dit comment signaler une vulnérabilité, ou un SECURITY.md par défaut dans le dépôt .github public de l'organisation." : " : ajoutez un SECURITY.md qui dit comment signaler une vulnérabilité (un dépôt privé n'hérite pas de celui du dépôt .github)."),
            CommunityFile.CodeOfConduct => "Le dépôt n'a pas de code de conduite (CODE_OF_CONDUCT.md)" + (canInherit ? ", ni le sien ni celui du dépôt .github de l'organisation : ajoutez-en un, ou un code par défaut dans le dépôt .github public de l'organisation." : " : ajoutez-en un (un dépôt privé n'hérite pas de celui du dépôt .github)."),
            _ => "Le dépôt n'a pas de guide de contribution (CONTRIBUTING.md)" + (canInherit ? ", ni le sien ni celui du dépôt .github de l'organisation : ajoutez-en un qui dit comment proposer un changement, ou un guide par défaut dans le dépôt .github public de l'organisation." : " : ajoutez-en un qui dit comment proposer un changement (un dépôt privé n'hérite pas de celui du dépôt .github)."),
        },
        CiFailing = branch => $"Les vérifications du dernier commit de {branch} échouent : corrigez-les pour que la branche principale redevienne fiable.",
        Stale = (days, date, threshold) => $"Aucune poussée depuis {days} jours (le {date}; le seuil est de {threshold} jours) : archivez le dépôt s'il n'est plus maintenu, ou donnez-lui un sujet de health.exempt_topics s'il est stable.",
        NoRelease = "Le dépôt n'a publié aucune version GitHub : publiez-en une (une étiquette et ses notes) pour que chacun sache quelle version utiliser.",
        CiTurnedRed = "intégration continue passée au rouge",
        CiBackToGreen = "intégration continue revenue au vert",
        SecurityPolicyAdded = "politique de sécurité ajoutée",
        WentStale = "devenu inactif",
        NewRelease = tag => $"nouvelle version {tag}",
    };

    private static readonly HealthWording English = new()
    {
        State = state => state switch
        {
            CommunityInheritance.Own => "the repository's own",
            CommunityInheritance.Inherited => "inherited from .github",
            CommunityInheritance.Missing => "missing",
            RepoHealth.Passing => "passing",
            RepoHealth.Failing => "failing",
            RepoHealth.Pending => "pending",
            RepoHealth.Released => "released",
            RepoHealth.Active => "active",
            RepoHealth.Slowing => "slowing",
            RepoHealth.Stale => "stale",
            RepoHealth.Exempt => "exempt",
            RepoHealth.Archived => "archived",
            Snapshots.HealthValues.None => "none",
            _ => "unknown",
        },
        Signal = signal => signal switch
        {
            "security_policy" => "security policy",
            "code_of_conduct" => "code of conduct",
            "contributing" => "contributing guide",
            "ci" => "CI",
            "release" => "latest release",
            "activity" => "activity",
            _ => signal,
        },
        FileMissing = (kind, canInherit) => kind switch
        {
            CommunityFile.SecurityPolicy => "The repository has no security policy (SECURITY.md)" + (canInherit ? ", neither its own nor the organization's .github default: add a SECURITY.md saying how to report a vulnerability, or a default one in the organization's public .github repository." : ": add a SECURITY.md saying how to report a vulnerability (a private repository does not inherit the .github one)."),
            CommunityFile.CodeOfConduct => "The repository has no code of conduct (CODE_OF_CONDUCT.md)" + (canInherit ? ", neither its own nor the organization's .github default: add one, or a default one in the organization's public .github repository." : ": add one (a private repository does not inherit the .github one)."),
            _ => "The repository has no contributing guide (CONTRIBUTING.md)" + (canInherit ? ", neither its own nor the organization's .github default: add one saying how to propose a change, or a default one in the organization's public .github repository." : ": add one saying how to propose a change (a private repository does not inherit the .github one)."),
        },
        CiFailing = branch => $"The checks on the head commit of {branch} fail: fix them so the default branch can be trusted again.",
        Stale = (days, date, threshold) => $"No push for {days} days (since {date}; the threshold is {threshold} days): archive the repository if it is no longer maintained, or give it a topic of health.exempt_topics if it is stable.",
        NoRelease = "The repository has published no GitHub release: publish one (a tag and its notes) so everyone knows which version to use.",
        CiTurnedRed = "CI turned red",
        CiBackToGreen = "CI back to green",
        SecurityPolicyAdded = "security policy added",
        WentStale = "went stale",
        NewRelease = tag => $"new release {tag}",
    };
}
