namespace CQEN.ProfileGen.Rendering.Cards;

/// <summary>
/// The colours of one variant of the cards. No single ink reaches 4.5:1 on both GitHub's white
/// (#ffffff) and its dark background (#0d1117) — the best possible is about 4.35:1 — so text is
/// never drawn on the page itself: each card lays a translucent plate of its own scheme under
/// its text. On its own scheme the plate matches the page and the card looks transparent; on
/// the other scheme (a browser that picked the wrong &lt;picture&gt; source) it shows as a
/// lighter or darker panel, and the text on it still reads at 4.5:1 or better.
/// </summary>
/// <remarks>
/// <see cref="Caution"/> and <see cref="Bad"/> fill the health card's bars (slowing, failing…):
/// GitHub's own attention and danger colours. They never carry meaning alone: beside each bar the
/// card writes every state with its symbol and count.
/// </remarks>
internal sealed record CardPalette(string Name, string Plate, double PlateOpacity, string Border, string Ink, string Muted, string Bar, string QuietBar, string Track, string Caution, string Bad)
{
    /// <summary>Dark ink on a white plate, for GitHub's light theme.</summary>
    public static readonly CardPalette Light = new("light", Plate: "#ffffff", PlateOpacity: 0.9, Border: "#d1d9e0", Ink: "#1f2328", Muted: "#454c54", Bar: "#0969da", QuietBar: "#818b98", Track: "#d1d9e0", Caution: "#bf8700", Bad: "#cf222e");

    /// <summary>Light ink on a near-black plate, for GitHub's dark theme.</summary>
    public static readonly CardPalette Dark = new("dark", Plate: "#0d1117", PlateOpacity: 0.9, Border: "#3d444d", Ink: "#f0f6fc", Muted: "#c9d1d9", Bar: "#4493f8", QuietBar: "#9198a1", Track: "#3d444d", Caution: "#d29922", Bad: "#f85149");

    public static IReadOnlyList<CardPalette> Both { get; } = [Light, Dark];
}
