using Scriban.Runtime;

namespace CQEN.ProfileGen.Rendering.Cards;

/// <summary>
/// The cards of one profile, as templates see them (<c>cards.summary.alt</c>, <c>cards.all</c>,
/// the <c>card "lifecycle"</c> function) and as files to write beside the README.
/// </summary>
internal sealed record CardSet
{
    /// <summary>cards.enabled: false in the configuration turns them off; the default templates then show none.</summary>
    public required bool Enabled { get; init; }

    /// <summary>The folder of the cards, relative to the README (cards.path).</summary>
    public required string Path { get; init; }

    /// <summary>The summary of the &lt;details&gt; that repeats the numbers as tables.</summary>
    public required string NumbersTitle { get; init; }

    public required CardModel Summary { get; init; }
    public required CardModel Lifecycle { get; init; }
    public required CardModel Languages { get; init; }
    public required CardModel Activity { get; init; }

    /// <summary>The repositories' health (community files, CI, release, activity), counted over those the health view lists.</summary>
    public required CardModel Health { get; init; }

    /// <summary>Every card, in the order the default templates show them.</summary>
    public IReadOnlyList<CardModel> All => [Summary, Lifecycle, Languages, Activity, Health];

    /// <summary>The card named so, or null.</summary>
    public CardModel? Named(string? name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>Both variants of every card, paths relative to the README; none when the cards are off.</summary>
    [ScriptMemberIgnore]
    public IReadOnlyList<CardFile> Files => Enabled
        ? All.SelectMany(c => new[] { new CardFile(c.Light, c.LightSvg), new CardFile(c.Dark, c.DarkSvg) }).ToArray()
        : [];

    /// <summary>
    /// The card files a rendered README refers to: what a run writes beside it. A template that
    /// shows no card, or only some, gets only those, so nothing unused lands in the repository.
    /// </summary>
    public IReadOnlyList<CardFile> FilesUsedBy(string markdown) =>
        Files.Where(f => markdown.Contains(f.RelativePath, StringComparison.Ordinal)).ToArray();
}

/// <summary>One card: its words and numbers for templates, its two SVG files for the run.</summary>
internal sealed record CardModel
{
    /// <summary>summary, lifecycle, languages, activity or health.</summary>
    public required string Name { get; init; }
    public required string Title { get; init; }

    /// <summary>The card in one sentence, with every number it draws (the img's alt text).</summary>
    public required string Alt { get; init; }

    /// <summary>Path of the light variant, relative to the README ("cards/lifecycle-light.svg").</summary>
    public required string Light { get; init; }

    /// <summary>Path of the dark variant, relative to the README.</summary>
    public required string Dark { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }

    /// <summary>False when there is nothing to draw (no language detected, no push date); the default templates then leave the card out.</summary>
    public required bool HasData { get; init; }

    /// <summary>Headers of the numbers' table: what is counted, and the count.</summary>
    public required string LabelHeader { get; init; }
    public required string CountHeader { get; init; }

    /// <summary>The numbers the card draws, in its order.</summary>
    public required IReadOnlyList<CardRow> Rows { get; init; }

    [ScriptMemberIgnore]
    public required byte[] LightSvg { get; init; }

    [ScriptMemberIgnore]
    public required byte[] DarkSvg { get; init; }
}

internal sealed record CardRow(string Label, int Count);

/// <summary>A file to write beside the README: its path relative to the README's folder, and its bytes.</summary>
internal sealed record CardFile(string RelativePath, byte[] Bytes);
