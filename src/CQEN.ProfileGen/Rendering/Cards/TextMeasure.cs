using System.Text;

namespace CQEN.ProfileGen.Rendering.Cards;

/// <summary>
/// How wide a text will be drawn, without a font engine: a per-glyph advance table, in
/// thousandths of an em, taken as the widest of DejaVu Sans (the widest common sans-serif, and
/// what Linux browsers fall back to) and Liberation Sans (Arial's metrics, what Windows and most
/// pages use), then widened by <see cref="Margin"/>. The cards name GitHub's own font stack, so
/// a reader sees -apple-system, Segoe UI, Noto Sans, Helvetica or Arial, all narrower than this
/// table: a label measured here never clips, whatever font the reader's system picks. A font
/// engine (SkiaSharp/HarfBuzz) would measure one font exactly, but not the reader's, and brings
/// native libraries for every platform the tool ships on.
/// </summary>
internal static class TextMeasure
{
    /// <summary>Room for fonts slightly wider than the table's and for kerning differences.</summary>
    public const double Margin = 1.06;

    private const string Ellipsis = "\u2026";

    // Advances of U+0020–U+007E, U+00A0–U+017F, then the characters of <see cref="Extra"/>.
    private static readonly short[] Regular =
    [
        318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637, 637, 637, 637, 637, 637,
        637, 637, 337, 337, 838, 838, 838, 557, 1016, 685, 687, 723, 771, 667, 611, 778, 752, 295, 500, 667, 558, 863, 749, 788,
        667, 788, 723, 667, 611, 732, 685, 989, 686, 667, 686, 391, 337, 391, 838, 557, 500, 613, 635, 550, 635, 616, 353, 635,
        634, 278, 278, 580, 278, 975, 634, 612, 635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838, 318,
        401, 637, 637, 637, 637, 337, 557, 500, 1000, 472, 612, 838, 361, 1000, 553, 500, 838, 401, 401, 500, 637, 637, 334, 500,
        401, 472, 612, 970, 970, 970, 611, 685, 685, 685, 685, 685, 685, 1000, 723, 667, 667, 667, 667, 295, 295, 295, 295, 775,
        749, 788, 788, 788, 788, 788, 838, 788, 732, 732, 732, 732, 667, 667, 630, 613, 613, 613, 613, 613, 613, 982, 550, 616,
        616, 616, 616, 278, 278, 278, 278, 612, 634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634, 592, 635, 592, 685,
        613, 685, 613, 685, 613, 723, 550, 723, 550, 723, 550, 723, 550, 771, 635, 775, 635, 667, 616, 667, 616, 667, 616, 667,
        616, 667, 616, 778, 635, 778, 635, 778, 635, 778, 635, 752, 634, 917, 695, 295, 278, 295, 278, 295, 278, 295, 278, 295,
        278, 735, 556, 500, 278, 667, 580, 580, 558, 278, 558, 278, 558, 375, 558, 342, 563, 285, 749, 634, 749, 634, 749, 634,
        814, 749, 634, 788, 612, 788, 612, 788, 612, 1070, 1023, 723, 412, 723, 412, 723, 412, 667, 521, 667, 521, 667, 521, 667,
        521, 611, 393, 611, 393, 611, 393, 732, 634, 732, 634, 732, 634, 732, 634, 732, 634, 732, 634, 989, 818, 667, 592, 667,
        686, 525, 686, 525, 686, 525, 353, 318, 318, 519, 519, 557, 1000, 1000, 590, 334, 637, 201, 201, 1000,
    ];

    private static readonly short[] Bold =
    [
        349, 457, 521, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366, 696, 696, 696, 696, 696, 696, 696, 696,
        696, 696, 400, 400, 838, 838, 838, 611, 1000, 774, 763, 734, 831, 684, 684, 821, 837, 373, 557, 775, 638, 996, 837, 851,
        733, 851, 771, 721, 683, 813, 774, 1104, 771, 725, 726, 458, 366, 458, 838, 557, 500, 675, 716, 593, 716, 679, 436, 716,
        712, 343, 343, 666, 343, 1042, 712, 688, 716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583, 712, 366, 712, 838, 349,
        457, 696, 696, 637, 696, 366, 557, 500, 1000, 564, 646, 838, 416, 1000, 553, 500, 838, 438, 438, 500, 736, 637, 380, 500,
        438, 564, 646, 1036, 1036, 1036, 611, 774, 774, 774, 774, 774, 774, 1085, 734, 684, 684, 684, 684, 373, 373, 373, 373, 838,
        837, 851, 851, 851, 851, 851, 838, 851, 813, 813, 813, 813, 725, 738, 720, 675, 675, 675, 675, 675, 675, 1048, 593, 679,
        679, 679, 679, 343, 343, 343, 343, 688, 712, 688, 688, 688, 688, 688, 838, 688, 712, 712, 712, 712, 652, 716, 652, 774,
        675, 774, 675, 774, 675, 734, 593, 734, 593, 734, 593, 734, 593, 831, 719, 838, 716, 684, 679, 684, 679, 684, 679, 684,
        679, 684, 679, 821, 716, 821, 716, 821, 716, 821, 716, 837, 712, 974, 791, 373, 343, 373, 343, 373, 343, 373, 343, 373,
        343, 785, 686, 557, 343, 775, 666, 666, 638, 343, 638, 343, 638, 480, 638, 557, 643, 372, 837, 712, 837, 712, 837, 712,
        983, 837, 712, 851, 688, 851, 688, 851, 688, 1167, 1095, 771, 494, 771, 494, 771, 494, 721, 596, 721, 596, 721, 596, 721,
        596, 683, 479, 683, 480, 683, 479, 813, 712, 813, 712, 813, 712, 813, 712, 813, 712, 813, 712, 1104, 924, 725, 652, 725,
        726, 583, 726, 583, 726, 583, 436, 380, 380, 658, 658, 557, 1000, 1000, 640, 380, 696, 201, 201, 1000,
    ];

    private static readonly char[] Extra = ['\u2018', '\u2019', '\u201C', '\u201D', '\u2013', '\u2014', '\u2026', '\u2022', '\u00B7', '\u20AC', '\u2009', '\u202F', '\u200B'];

    /// <summary>The width, in pixels, of <paramref name="text"/> at <paramref name="fontSize"/> pixels.</summary>
    public static double Width(string text, double fontSize, bool bold = false)
    {
        var table = bold ? Bold : Regular;
        double thousandths = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            thousandths += Advance(rune, table);
        }
        return thousandths / 1000 * fontSize * Margin;
    }

    /// <summary>
    /// The text, cut at a word or character and ended with "…" when it is wider than
    /// <paramref name="maxWidth"/>; the whole text otherwise.
    /// </summary>
    public static string Fit(string text, double maxWidth, double fontSize, bool bold = false)
    {
        if (Width(text, fontSize, bold) <= maxWidth)
        {
            return text;
        }
        var runes = text.EnumerateRunes().ToArray();
        for (var n = runes.Length - 1; n > 0; n--)
        {
            var cut = string.Concat(runes.Take(n).Select(r => r.ToString())).TrimEnd() + Ellipsis;
            if (Width(cut, fontSize, bold) <= maxWidth)
            {
                return cut;
            }
        }
        return Width(Ellipsis, fontSize, bold) <= maxWidth ? Ellipsis : "";
    }

    private static int Advance(Rune rune, short[] table)
    {
        var v = rune.Value;
        if (v is >= 0x20 and <= 0x7E)
        {
            return table[v - 0x20];
        }
        if (v is >= 0xA0 and <= 0x17F)
        {
            return table[0x7F - 0x20 + v - 0xA0];
        }
        var extra = v <= 0xFFFF ? Array.IndexOf(Extra, (char)v) : -1;
        if (extra >= 0)
        {
            return v == 0x200B ? 0 : table[0x7F - 0x20 + 0x180 - 0xA0 + extra];
        }
        // Marks that combine with the letter before them take no room of their own.
        var category = Rune.GetUnicodeCategory(rune);
        if (category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark or System.Globalization.UnicodeCategory.Format)
        {
            return 0;
        }
        // Everything else (other scripts, ideographs, emoji): wider than any glyph of the table.
        return v > 0xFFFF ? 1300 : 1100;
    }
}
