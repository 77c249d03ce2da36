using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Rendering.Cards;

/// <summary>The cards' words, in French and in English (kept beside <see cref="Wording"/>, one table per culture).</summary>
internal sealed record CardWording
{
    public required string SummaryTitle { get; init; }
    public required string LifecycleTitle { get; init; }
    public required string LanguagesTitle { get; init; }
    public required string ActivityTitle { get; init; }
    public required string NumbersTitle { get; init; }
    public required string HealthTitle { get; init; }
    public required string NoHealth { get; init; }

    /// <summary>Singular and plural of each summary figure.</summary>
    public required (string One, string Many) Repositories { get; init; }
    public required (string One, string Many) Active { get; init; }
    public required (string One, string Many) Archived { get; init; }
    public required (string One, string Many) Languages { get; init; }
    public required (string One, string Many) Licenses { get; init; }

    public required string NoLifecycle { get; init; }
    public required string NoLanguage { get; init; }
    public required string Others { get; init; }
    public required string NoRepository { get; init; }
    public required Func<string, string> PushedBefore { get; init; }
    public required string NoPushDate { get; init; }

    /// <summary>Column headers of the tables in &lt;details&gt;: what is counted, then the count.</summary>
    public required string Figure { get; init; }
    public required string Lifecycle { get; init; }
    public required string Language { get; init; }
    public required string Month { get; init; }

    /// <summary>Header of the health card's table: a signal and its state.</summary>
    public required string Signal { get; init; }
    public required string Count { get; init; }

    /// <summary>Header of the summary's numbers, which count different things.</summary>
    public required string Number { get; init; }

    /// <summary>"label : 3" in French, "label: 3" in English; items joined by <see cref="Separator"/>.</summary>
    public required string Colon { get; init; }
    public required string Separator { get; init; }

    public static CardWording For(ProfileCulture culture) => culture == ProfileCulture.English ? English : French;

    /// <summary>French counts 0 as singular ("0 dépôt"), English as plural ("0 repositories").</summary>
    public required bool ZeroIsSingular { get; init; }

    public string Of((string One, string Many) word, int n) => n == 1 || n == 0 && ZeroIsSingular ? word.One : word.Many;

    private static readonly CardWording French = new()
    {
        SummaryTitle = "L’organisation en un coup d’œil",
        LifecycleTitle = "Cycle de vie des dépôts actifs",
        LanguagesTitle = "Langages des dépôts actifs",
        ActivityTitle = "Dernier push des dépôts actifs, par mois",
        NumbersTitle = "Les chiffres de ces images",
        HealthTitle = "Santé des dépôts",
        NoHealth = "Aucune donnée de santé",
        Repositories = ("dépôt", "dépôts"),
        Active = ("actif", "actifs"),
        Archived = ("archivé", "archivés"),
        Languages = ("langage", "langages"),
        Licenses = ("licence", "licences"),
        NoLifecycle = "Non déclaré",
        NoLanguage = "Aucun langage détecté",
        Others = "Autres",
        NoRepository = "Aucun dépôt actif",
        PushedBefore = month => $"Avant {month}",
        NoPushDate = "Date inconnue",
        Figure = "Mesure",
        Lifecycle = "Cycle de vie",
        Language = "Langage",
        Month = "Mois du dernier push",
        Signal = "Signal et état",
        Count = "Dépôts",
        Number = "Nombre",
        Colon = "\u00A0: ",
        Separator = "; ",
        ZeroIsSingular = true,
    };

    private static readonly CardWording English = new()
    {
        SummaryTitle = "The organization at a glance",
        LifecycleTitle = "Lifecycle of active repositories",
        LanguagesTitle = "Languages of active repositories",
        ActivityTitle = "Last push of active repositories, by month",
        NumbersTitle = "The numbers in these pictures",
        HealthTitle = "Repository health",
        NoHealth = "No health data",
        Repositories = ("repository", "repositories"),
        Active = ("active", "active"),
        Archived = ("archived", "archived"),
        Languages = ("language", "languages"),
        Licenses = ("license", "licenses"),
        NoLifecycle = "Not declared",
        NoLanguage = "No language detected",
        Others = "Others",
        NoRepository = "No active repository",
        PushedBefore = month => $"Before {month}",
        NoPushDate = "Date unknown",
        Figure = "Figure",
        Lifecycle = "Lifecycle",
        Language = "Language",
        Month = "Month of last push",
        Signal = "Signal and state",
        Count = "Repositories",
        Number = "Number",
        Colon = ": ",
        Separator = "; ",
        ZeroIsSingular = false,
    };
}
