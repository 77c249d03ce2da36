using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Health;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Rendering.Cards;

/// <summary>
/// The numbers of an organization → its cards (summary, lifecycle, languages, activity, health), each in
/// a light and a dark variant. Pure: the same figures, culture and options give the same bytes.
/// Every size is measured (<see cref="TextMeasure"/>): a label too long for its column is cut
/// with "…" (the alt text and the table keep it whole), and a card widens for its figures.
/// </summary>
internal static class ProfileCards
{
    private const double Width = 400;
    private const double Pad = 16;
    private const double TitleSize = 14;
    private const double TitleBaseline = 28;
    private const double LabelSize = 12;

    /// <summary>Cards turned off, of an organization without repositories.</summary>
    public static CardSet Off { get; } = Make(
        OrgFigures.Of([], new ProfileGenConfig(), DateTimeOffset.UnixEpoch), ProfileCulture.French, new CardsOptions { Enabled = false });

    public static CardSet Make(OrgFigures figures, ProfileCulture culture, CardsOptions options, HealthFigures? health = null)
    {
        var words = CardWording.For(culture);
        string N(int n) => TemplateFunctions.FormatNumber(n, culture);
        return new CardSet
        {
            Enabled = options.Enabled,
            Path = options.Path,
            NumbersTitle = words.NumbersTitle,
            Summary = Summary(figures, words, N, options.Path),
            Lifecycle = Bars("lifecycle", words.LifecycleTitle, words.Lifecycle, Capped(figures.Lifecycles, words.Others, figures.NoLifecycle, words.NoLifecycle),
                figures.Lifecycles.Count > 0, figures, words, N, options.Path),
            Languages = Bars("languages", words.LanguagesTitle, words.Language, Capped(figures.Languages, words.Others, figures.NoLanguage, words.NoLanguage),
                figures.Languages.Count > 0, figures, words, N, options.Path),
            Activity = Activity(figures, words, culture, N, options.Path),
            Health = HealthCard(health ?? HealthFigures.None, words, culture, N, options.Path),
        };
    }

    private static CardModel Summary(OrgFigures f, CardWording words, Func<int, string> n, string folder)
    {
        CardRow[] rows =
        [
            new(words.Of(words.Repositories, f.Repositories), f.Repositories),
            new(words.Of(words.Active, f.Active), f.Active),
            new(words.Of(words.Archived, f.Archived), f.Archived),
            new(words.Of(words.Languages, f.Languages.Count), f.Languages.Count),
            new(words.Of(words.Licenses, f.Licenses.Count), f.Licenses.Count),
        ];
        const double numberSize = 24, tilePad = 12, numberBaseline = 70, labelBaseline = 92;
        var tiles = rows.Select(r => Math.Ceiling(Math.Max(TextMeasure.Width(n(r.Count), numberSize, bold: true), TextMeasure.Width(r.Label, LabelSize)) + 2 * tilePad)).ToArray();
        var width = Math.Ceiling(Math.Max(Width, Math.Max(tiles.Sum(), TextMeasure.Width(words.SummaryTitle, TitleSize, bold: true)) + 2 * Pad));
        var spare = (width - 2 * Pad - tiles.Sum()) / tiles.Length;
        var height = 108.0;
        var alt = $"{words.SummaryTitle}{words.Colon}{string.Join(", ", rows.Select(r => $"{n(r.Count)} {r.Label}"))}.";
        byte[] Draw(CardPalette palette)
        {
            var svg = new SvgCard(width, height, words.SummaryTitle, alt, palette);
            svg.Text(Pad, TitleBaseline, TextMeasure.Fit(words.SummaryTitle, width - 2 * Pad, TitleSize, bold: true), TitleSize, bold: true);
            var x = Pad;
            for (var i = 0; i < rows.Length; i++)
            {
                var w = tiles[i] + spare;
                svg.Text(x + w / 2, numberBaseline, n(rows[i].Count), numberSize, bold: true, anchor: "middle");
                svg.Text(x + w / 2, labelBaseline, rows[i].Label, LabelSize, anchor: "middle", muted: true);
                x += w;
            }
            return svg.ToBytes();
        }
        return Card("summary", words.SummaryTitle, alt, folder, width, height, f.Repositories > 0, words.Figure, words.Number, rows, Draw);
    }

    /// <summary>
    /// The largest values, the rest summed as "Others", then the repositories without a value;
    /// <c>Values</c> is how many rows are values of their own (the others are drawn quieter).
    /// </summary>
    private static (CardRow[] Rows, int Values) Capped(IReadOnlyList<Tally> tallies, string others, int none, string noneLabel)
    {
        var values = tallies.Take(tallies.Count > OrgFigures.MaxRows ? OrgFigures.MaxRows - 1 : tallies.Count).Select(t => new CardRow(t.Label, t.Count)).ToArray();
        var rows = tallies.Count > OrgFigures.MaxRows
            ? values.Append(new CardRow(others, tallies.Skip(OrgFigures.MaxRows - 1).Sum(t => t.Count)))
            : values;
        return ((none > 0 ? rows.Append(new CardRow(noneLabel, none)) : rows).ToArray(), values.Length);
    }

    private static CardModel Bars(string name, string title, string labelHeader, (CardRow[] Rows, int Values) capped, bool hasData, OrgFigures f, CardWording words, Func<int, string> n, string folder)
    {
        var rows = capped.Rows;
        const double rowHeight = 24, firstBaseline = 58, barHeight = 10, gap = 10;
        var shown = f.Active == 0 ? [new CardRow(words.NoRepository, 0)] : rows;
        var height = firstBaseline + (shown.Length - 1) * rowHeight + 18;
        var countColumn = shown.Max(r => TextMeasure.Width(n(r.Count), LabelSize, bold: true));
        var labelColumn = Math.Min(shown.Max(r => TextMeasure.Width(r.Label, LabelSize)), Width * 0.42);
        var barStart = Pad + labelColumn + gap;
        var barEnd = Width - Pad - countColumn - gap;
        var max = Math.Max(1, shown.Max(r => r.Count));
        var alt = $"{title}{words.Colon}{string.Join(", ", rows.Select(r => $"{r.Label} ({n(r.Count)})"))}.";
        if (f.Active == 0)
        {
            alt = $"{title}{words.Colon}{words.NoRepository}.";
        }
        byte[] Draw(CardPalette palette)
        {
            var svg = new SvgCard(Width, height, title, alt, palette);
            svg.Text(Pad, TitleBaseline, TextMeasure.Fit(title, Width - 2 * Pad, TitleSize, bold: true), TitleSize, bold: true);
            for (var i = 0; i < shown.Length; i++)
            {
                var y = firstBaseline + i * rowHeight;
                if (f.Active == 0)
                {
                    svg.Text(Pad, y, TextMeasure.Fit(shown[i].Label, Width - 2 * Pad, LabelSize), LabelSize, muted: true);
                    continue;
                }
                svg.Text(Pad, y, TextMeasure.Fit(shown[i].Label, labelColumn, LabelSize), LabelSize);
                svg.Rect(barStart, y - barHeight, barEnd - barStart, barHeight, palette.Track);
                var length = (barEnd - barStart) * shown[i].Count / max;
                if (length > 0)
                {
                    // "Others" and "none" are not values of their own: a quieter bar says so.
                    svg.Rect(barStart, y - barHeight, Math.Max(length, 2), barHeight, i < capped.Values ? palette.Bar : palette.QuietBar);
                }
                svg.Text(Width - Pad, y, n(shown[i].Count), LabelSize, bold: true, anchor: "end");
            }
            return svg.ToBytes();
        }
        return Card(name, title, alt, folder, Width, height, hasData, labelHeader, words.Count, rows, Draw);
    }

    private static CardModel Activity(OrgFigures f, CardWording words, ProfileCulture culture, Func<int, string> n, string folder)
    {
        const double countSize = 11, monthSize = 10, chartTop = 56, chartHeight = 72, noteSize = 11;
        var baseline = chartTop + chartHeight;
        var column = (Width - 2 * Pad) / f.Months.Count;
        var barWidth = column - 8;
        var max = Math.Max(1, f.Months.Max(m => m.Count));
        string MonthAndYear(MonthTally m) => DateText.Format(new DateTimeOffset(m.Year, m.Month, 1, 0, 0, 0, TimeSpan.Zero), culture, "month");
        var rows = f.Months.Select(m => new CardRow(MonthAndYear(m), m.Count)).ToList();
        var before = words.PushedBefore(MonthAndYear(f.Months[0]));
        if (f.PushedEarlier > 0)
        {
            rows.Add(new CardRow(before, f.PushedEarlier));
        }
        if (f.NoPushDate > 0)
        {
            rows.Add(new CardRow(words.NoPushDate, f.NoPushDate));
        }
        var alt = $"{words.ActivityTitle}{words.Colon}{string.Join(", ", rows.Select(r => $"{r.Label} ({n(r.Count)})"))}.";
        // Under the chart: the months it spans, then what it leaves out, on one line if they fit, else two.
        var notes = new[]
        {
            $"{MonthAndYear(f.Months[0])} – {MonthAndYear(f.Months[^1])}",
            f.PushedEarlier > 0 ? $"{before}{words.Colon}{n(f.PushedEarlier)}" : null,
            f.NoPushDate > 0 ? $"{words.NoPushDate}{words.Colon}{n(f.NoPushDate)}" : null,
        }.OfType<string>().ToArray();
        var oneLine = string.Join(" · ", notes);
        string[] noteLines = TextMeasure.Width(oneLine, noteSize) <= Width - 2 * Pad || notes.Length == 1
            ? [oneLine]
            : [notes[0], string.Join(" · ", notes.Skip(1))];
        var height = baseline + 38 + 16 * (noteLines.Length - 1) + 14;
        byte[] Draw(CardPalette palette)
        {
            var svg = new SvgCard(Width, height, words.ActivityTitle, alt, palette);
            svg.Text(Pad, TitleBaseline, TextMeasure.Fit(words.ActivityTitle, Width - 2 * Pad, TitleSize, bold: true), TitleSize, bold: true);
            svg.Rect(Pad, baseline, Width - 2 * Pad, 1, palette.Track, radius: 0);
            for (var i = 0; i < f.Months.Count; i++)
            {
                var month = f.Months[i];
                var middle = Pad + column * i + column / 2;
                var bar = chartHeight * month.Count / max;
                if (bar > 0)
                {
                    svg.Rect(middle - barWidth / 2, baseline - Math.Max(bar, 2), barWidth, Math.Max(bar, 2), palette.Bar);
                }
                svg.Text(middle, baseline - Math.Max(bar, 0) - 4, TextMeasure.Fit(n(month.Count), column, countSize, bold: true), countSize, bold: true, anchor: "middle");
                var label = MonthAndYear(month).Split(' ')[0];
                svg.Text(middle, baseline + 16, TextMeasure.Fit(label, column - 2, monthSize), monthSize, anchor: "middle", muted: true);
            }
            for (var i = 0; i < noteLines.Length; i++)
            {
                svg.Text(Pad, baseline + 38 + 16 * i, TextMeasure.Fit(noteLines[i], Width - 2 * Pad, noteSize), noteSize, muted: true);
            }
            return svg.ToBytes();
        }
        return Card("activity", words.ActivityTitle, alt, folder, Width, height, f.Months.Any(m => m.Count > 0), words.Month, words.Count, rows, Draw);
    }

    /// <summary>
    /// The health card: for each signal a line naming it, a bar split by state (in the order of
    /// the words under it), and each state as its symbol, its count and its word, so no meaning
    /// rests on the bar's colours. The states wrap onto a second line when they do not fit.
    /// </summary>
    private static CardModel HealthCard(HealthFigures f, CardWording words, ProfileCulture culture, Func<int, string> n, string folder)
    {
        const double subtitleBaseline = 46, firstBaseline = 74, barHeight = 9, gap = 10, itemSize = 11, lineHeight = 15, blockGap = 14, itemGap = 14;
        var health = HealthWording.For(culture);
        string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
        var rows = f.Signals.SelectMany(s => s.States.Select(c => new CardRow($"{Capital(health.Signal(s.Signal))}{words.Colon}{health.State(c.State)}", c.Count))).ToArray();
        var hasData = f.Enabled && f.Repositories > 0;
        var repositories = $"{n(f.Repositories)} {words.Of(words.Repositories, f.Repositories)}";
        var alt = hasData
            ? $"{words.HealthTitle}{words.Colon}{repositories}; " + string.Join("; ", f.Signals.Select(s =>
                $"{health.Signal(s.Signal)}{words.Colon}{string.Join(", ", s.States.Select(c => $"{health.State(c.State)} ({n(c.Count)})"))}")) + "."
            : $"{words.HealthTitle}{words.Colon}{words.NoHealth}.";
        var labelColumn = f.Signals.Count == 0 ? 0 : Math.Min(f.Signals.Max(s => TextMeasure.Width(Capital(health.Signal(s.Signal)), LabelSize, bold: true)), Width * 0.42);
        var barStart = Pad + labelColumn + gap;
        var room = Width - 2 * Pad;

        // Each state as three texts (symbol, count, word), laid left to right, wrapped at the card's edge.
        (string Symbol, string Count, string Word, double SymbolWidth, double CountWidth, double Width) Item(HealthCount c)
        {
            var (symbol, count, word) = (RepoHealth.Symbol(c.State), n(c.Count), health.State(c.State));
            var (sw, cw) = (TextMeasure.Width(symbol + " ", itemSize), TextMeasure.Width(count + " ", itemSize, bold: true));
            return (symbol, count, word, sw, cw, sw + cw + TextMeasure.Width(word, itemSize));
        }
        var blocks = f.Signals.Select(s =>
        {
            var lines = new List<List<(HealthCount Count, double X)>> { new() };
            var x = 0.0;
            foreach (var c in s.States)
            {
                var w = Item(c).Width;
                if (x > 0 && x + w > room)
                {
                    lines.Add([]);
                    x = 0;
                }
                lines[^1].Add((c, x));
                x += w + itemGap;
            }
            return (Tally: s, Lines: lines);
        }).ToArray();
        var height = hasData ? firstBaseline + blocks.Sum(b => 18 + lineHeight * b.Lines.Count + blockGap) - blockGap - lineHeight + 14 : 76;

        byte[] Draw(CardPalette palette)
        {
            var svg = new SvgCard(Width, height, words.HealthTitle, alt, palette);
            svg.Text(Pad, TitleBaseline, TextMeasure.Fit(words.HealthTitle, room, TitleSize, bold: true), TitleSize, bold: true);
            if (!hasData)
            {
                svg.Text(Pad, 56, TextMeasure.Fit(words.NoHealth, room, LabelSize), LabelSize, muted: true);
                return svg.ToBytes();
            }
            svg.Text(Pad, subtitleBaseline, TextMeasure.Fit(repositories, room, itemSize), itemSize, muted: true);
            var y = firstBaseline;
            foreach (var (tally, lines) in blocks)
            {
                svg.Text(Pad, y, TextMeasure.Fit(Capital(health.Signal(tally.Signal)), labelColumn, LabelSize, bold: true), LabelSize, bold: true);
                svg.Rect(barStart, y - barHeight, Width - Pad - barStart, barHeight, palette.Track);
                var total = Math.Max(1, tally.States.Sum(c => c.Count));
                var done = 0;
                foreach (var c in tally.States)
                {
                    var left = barStart + (Width - Pad - barStart) * done / total;
                    done += c.Count;
                    var right = barStart + (Width - Pad - barStart) * done / total;
                    if (c.Count > 0)
                    {
                        svg.Rect(left, y - barHeight, Math.Max(right - left, 2), barHeight, Fill(c.State, palette), radius: 0);
                    }
                }
                for (var i = 0; i < lines.Count; i++)
                {
                    var baseline = y + 18 + lineHeight * i;
                    foreach (var (c, x) in lines[i])
                    {
                        var item = Item(c);
                        svg.Text(Pad + x, baseline, item.Symbol, itemSize);
                        svg.Text(Pad + x + item.SymbolWidth, baseline, item.Count, itemSize, bold: true);
                        svg.Text(Pad + x + item.SymbolWidth + item.CountWidth, baseline, TextMeasure.Fit(item.Word, room - x - item.SymbolWidth - item.CountWidth, itemSize), itemSize, muted: true);
                    }
                }
                y += 18 + lineHeight * lines.Count + blockGap;
            }
            return svg.ToBytes();
        }
        return Card("health", words.HealthTitle, alt, folder, Width, height, hasData, words.Signal, words.Count, rows, Draw);
    }

    // A state's bar: what is in place in the ink of the other cards' bars, what needs a look in
    // GitHub's attention colour, what needs fixing in its danger colour, what is not known quietly.
    private static string Fill(string state, CardPalette palette) => state switch
    {
        CommunityInheritance.Own or CommunityInheritance.Inherited or RepoHealth.Passing or RepoHealth.Released or RepoHealth.Active => palette.Bar,
        RepoHealth.Slowing or RepoHealth.Pending => palette.Caution,
        CommunityInheritance.Missing or RepoHealth.Failing or RepoHealth.Stale => palette.Bad,
        _ => palette.QuietBar,
    };

    private static CardModel Card(string name, string title, string alt, string folder, double width, double height, bool hasData,
        string labelHeader, string countHeader, IReadOnlyList<CardRow> rows, Func<CardPalette, byte[]> draw) => new()
        {
            Name = name,
            Title = title,
            Alt = alt,
            Light = $"{folder}/{name}-light.svg",
            Dark = $"{folder}/{name}-dark.svg",
            Width = (int)Math.Ceiling(width),
            Height = (int)Math.Ceiling(height),
            HasData = hasData,
            LabelHeader = labelHeader,
            CountHeader = countHeader,
            Rows = rows,
            LightSvg = draw(CardPalette.Light),
            DarkSvg = draw(CardPalette.Dark),
        };
}
