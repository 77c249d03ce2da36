namespace CQEN.ProfileGen.Badges;

/// <summary>A shields.io badge found in a README, with its label, message and colour decoded.</summary>
internal sealed record ShieldsBadge
{
    public string Alt { get; init; } = "";
    public required string ImageUrl { get; init; }
    public string? LinkUrl { get; init; }

    /// <summary>Decoded label; null for badges on routes other than the static /badge/ route.</summary>
    public string? Label { get; init; }
    public string? Message { get; init; }
    public string? Color { get; init; }

    /// <summary>1-based line of the badge in the README.</summary>
    public int Line { get; init; }

    /// <summary>"markdown-linked-image", "markdown-image", "markdown-reference-linked-image", "html-img".</summary>
    public string Form { get; init; } = "markdown-image";
}
