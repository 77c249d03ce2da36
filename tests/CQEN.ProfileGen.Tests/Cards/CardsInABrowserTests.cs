using System.Text;
using System.Text.Json;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Rendering.Cards;
using Microsoft.Playwright;

namespace CQEN.ProfileGen.Tests.Cards;

/// <summary>
/// The cards as a reader sees them: in headless Chromium (Debian's `chromium`, driven by
/// Playwright without downloading a browser), on GitHub's light and dark backgrounds in both
/// colour schemes. A card that fails is kept as a screenshot in card-screenshots/ beside the
/// test assembly. One browser serves the class's tests (they run one after another).
/// </summary>
[Trait("Category", "Process")] // starts a browser: not in the fast subset (tests/unit.runsettings)
public class CardsInABrowserTests(SharedBrowser browser) : IClassFixture<SharedBrowser>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "card-screenshots");
    private static readonly (string Scheme, string Background)[] Pages = [("light", "#ffffff"), ("dark", "#0d1117")];

    public static TheoryData<string> Orgs => new() { "sample", "busy", "health" };

    private static IReadOnlyList<CardModel> CardsOf(string org) => org switch
    {
        "sample" => CardOrgs.SampleCards().All,
        "health" => CardOrgs.HealthModel().Cards.All,
        _ => CardOrgs.BusyModel().Cards.All,
    };

    [BrowserTheory]
    [MemberData(nameof(Orgs))]
    public async Task Every_card_draws_all_its_text_inside_its_box_at_4_5_to_1_contrast_in_both_schemes(string org)
    {
        Directory.CreateDirectory(Screenshots);
        var folder = Directory.CreateTempSubdirectory("profilegen-cards-");
        try
        {
            var session = await browser.SessionAsync();
            var problems = new List<string>();
            var drawings = CardsOf(org).SelectMany(card => new[] { (card.Name, Variant: "light", Svg: card.LightSvg), (card.Name, Variant: "dark", Svg: card.DarkSvg) }).ToArray();
            foreach (var (scheme, background) in Pages)
            {
                // Every drawing is measured on one page of this scheme in one call: a page load and
                // a round trip per drawing cost more than the measure. The measure leaves the page
                // as it found it, so each drawing is measured as on a page of its own.
                var page = await session.PageAsync(scheme);
                await page.SetContentAsync(PageHtml(background, ""));
                var findingsPerDrawing = await page.EvaluateAsync<string[][]>(MeasureEachScript, new object[] { drawings.Select(d => Encoding.UTF8.GetString(d.Svg)).ToArray(), background });
                foreach (var ((name, variant, svg), findings) in drawings.Zip(findingsPerDrawing))
                {
                    if (findings.Length > 0)
                    {
                        // Kept for a person to look at: the card as an image on the scheme's page.
                        var file = Path.Combine(folder.FullName, $"{name}-{variant}.svg");
                        await File.WriteAllBytesAsync(file, svg);
                        var html = Path.Combine(folder.FullName, $"{name}-{variant}-on-{scheme}.html");
                        await File.WriteAllTextAsync(html, PageHtml(background, $"<img id=\"card\" src=\"{Path.GetFileName(file)}\">"));
                        await page.GotoAsync(new Uri(html).AbsoluteUri);
                        await page.Locator("#card").ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{org}-{name}-{variant}-on-{scheme}.png") });
                    }
                    problems.AddRange(findings.Select(f => $"{org} {name}-{variant} on {scheme}: {f}"));
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [BrowserFact]
    public async Task The_reader_s_colour_scheme_picks_the_matching_variant()
    {
        var folder = Directory.CreateTempSubdirectory("profilegen-picture-");
        try
        {
            var cards = CardOrgs.SampleCards();
            foreach (var file in cards.Files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder.FullName, file.RelativePath))!);
                await File.WriteAllBytesAsync(Path.Combine(folder.FullName, file.RelativePath), file.Bytes);
            }
            var html = Path.Combine(folder.FullName, "README.html");
            await File.WriteAllTextAsync(html, $"<!doctype html><html><body>{TemplateFunctions.Card(cards, "lifecycle")}</body></html>");
            var session = await browser.SessionAsync();
            foreach (var (scheme, _) in Pages)
            {
                var page = await session.PageAsync(scheme);
                await page.GotoAsync(new Uri(html).AbsoluteUri);
                var source = await page.EvaluateAsync<string>("() => document.querySelector('img').currentSrc");
                Assert.EndsWith($"cards/lifecycle-{scheme}.svg", source, StringComparison.Ordinal);
                Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('img').naturalWidth > 0"), $"{scheme}: the card did not load");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [BrowserFact]
    public async Task The_browser_check_sees_a_clipped_label_and_a_faint_one()
    {
        // A card drawn wrong on purpose: a label running past the right edge, and grey ink on white.
        const string wrong = """
            <svg width="200" height="60" viewBox="0 0 200 60" xmlns="http://www.w3.org/2000/svg">
              <rect x="0.5" y="0.5" width="199" height="59" fill="#ffffff" fill-opacity="0.9" />
              <text x="150" y="25" font-size="12" fill="#1f2328">runs past the edge</text>
              <text x="10" y="50" font-size="12" fill="#aaaaaa">faint</text>
            </svg>
            """;
        var session = await browser.SessionAsync();
        var page = await session.PageAsync("light");
        await page.SetContentAsync("<!doctype html><html><body></body></html>");
        var findings = await page.EvaluateAsync<string[]>(MeasureScript, new object[] { wrong, "#ffffff" });

        Assert.Contains(findings, f => f.StartsWith("\"runs past the edge\" is clipped", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("\"faint\" contrast", StringComparison.Ordinal));
        Assert.Equal(2, findings.Length);
    }

    private static string PageHtml(string background, string body) =>
        $"<!doctype html><html><body style=\"margin:0;padding:8px;background:{background}\">{body}</body></html>";

    // MeasureScript for each of several drawings in turn, on the same page.
    private const string MeasureEachScript = "async ([svgTexts, background]) => { const measure = " + MeasureScript + "; const all = []; for (const svgText of svgTexts) all.push(await measure([svgText, background])); return all; }";

    // Draws the card twice on a canvas over the page's background, once with its text hidden:
    // the pixels that differ are the glyphs, and the hidden drawing gives what lies under them.
    // The card is also placed inline, for each text's box (getBBox) and computed fill colour.
    private const string MeasureScript = """
        async ([svgText, background]) => {
          const findings = [];
          const holder = document.createElement('div');
          holder.innerHTML = svgText;
          document.body.appendChild(holder);
          const svg = holder.querySelector('svg');
          const [vx, vy, vw, vh] = svg.getAttribute('viewBox').split(' ').map(Number);
          const scale = 2;
          const draw = async (text) => {
            const img = new Image();
            img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(text)));
            await img.decode();
            const canvas = document.createElement('canvas');
            canvas.width = vw * scale; canvas.height = vh * scale;
            const ctx = canvas.getContext('2d');
            ctx.fillStyle = background; ctx.fillRect(0, 0, canvas.width, canvas.height);
            ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
            return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          };
          const shown = await draw(svgText);
          const hidden = await draw(svgText.replaceAll('<text ', '<text visibility="hidden" '));
          const lum = ([r, g, b]) => {
            const lin = c => { c /= 255; return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
            return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
          };
          const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)]; return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
          const texts = [...svg.querySelectorAll('text')];
          if (texts.length === 0) findings.push('no text at all');
          for (const t of texts) {
            const box = t.getBBox();
            const label = JSON.stringify(t.textContent);
            if (box.width === 0) findings.push(`${label} has no width`);
            if (box.x < vx || box.y < vy || box.x + box.width > vx + vw || box.y + box.height > vy + vh)
              findings.push(`${label} is clipped: box ${box.x.toFixed(1)},${box.y.toFixed(1)} ${box.width.toFixed(1)}×${box.height.toFixed(1)} outside 0,0 ${vw}×${vh}`);
            const fill = getComputedStyle(t).fill.match(/\d+/g).slice(0, 3).map(Number);
            let worst = Infinity, glyphPixels = 0;
            const x0 = Math.max(0, Math.floor(box.x * scale)), x1 = Math.min(vw * scale, Math.ceil((box.x + box.width) * scale));
            const y0 = Math.max(0, Math.floor(box.y * scale)), y1 = Math.min(vh * scale, Math.ceil((box.y + box.height) * scale));
            for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
              const i = (y * vw * scale + x) * 4;
              if (Math.abs(shown[i] - hidden[i]) + Math.abs(shown[i + 1] - hidden[i + 1]) + Math.abs(shown[i + 2] - hidden[i + 2]) < 24) continue;
              glyphPixels++;
              worst = Math.min(worst, ratio(fill, [hidden[i], hidden[i + 1], hidden[i + 2]]));
            }
            if (glyphPixels === 0) findings.push(`${label} draws nothing`);
            else if (worst < 4.5) findings.push(`${label} contrast ${worst.toFixed(2)}:1 (under 4.5:1)`);
          }
          holder.remove();
          return findings;
        }
        """;
}

/// <summary>One headless Chromium for a test class, started by the first test that needs it (a skipped class starts none).</summary>
public sealed class SharedBrowser : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private BrowserSession? _session;

    internal async Task<BrowserSession> SessionAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _session ??= await BrowserSession.StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
        _gate.Dispose();
    }
}

/// <summary>One headless Chromium: Debian's, found on the PATH or at $PROFILEGEN_CHROMIUM.</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Dictionary<string, IPage> _pages = new(StringComparer.Ordinal);

    private BrowserSession(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static string? Chromium { get; } = Find();

    public static async Task<BrowserSession> StartAsync()
    {
        var path = Chromium ?? throw new InvalidOperationException(BrowserFactAttribute.Missing);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = path, Headless = true, Args = ["--no-sandbox", "--allow-file-access-from-files"] });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A page whose prefers-color-scheme is <paramref name="scheme"/>.</summary>
    public async Task<IPage> PageAsync(string scheme)
    {
        if (!_pages.TryGetValue(scheme, out var page))
        {
            var context = await _browser.NewContextAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light, DeviceScaleFactor = 2 });
            _pages[scheme] = page = await context.NewPageAsync();
        }
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("PROFILEGEN_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>
/// A browser test: skipped, and said so, on a developer's machine without chromium; in CI
/// (CI=true, or .ci/run) it runs and fails if chromium is missing, so the check never vanishes there.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Missing = "chromium is not installed (Debian: apt-get install chromium; or set PROFILEGEN_CHROMIUM); .ci/run installs it";

    public BrowserFactAttribute()
    {
        if (BrowserSession.Chromium is null && !IsCi)
        {
            Skip = Missing;
        }
    }

    /// <summary>CI=true (GitHub Actions sets it) or PROFILEGEN_REQUIRE_BROWSER=1 (.ci/run sets it).</summary>
    internal static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("PROFILEGEN_REQUIRE_BROWSER") == "1";
}

/// <summary>The theory form of <see cref="BrowserFactAttribute"/>.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (BrowserSession.Chromium is null && !BrowserFactAttribute.IsCi)
        {
            Skip = BrowserFactAttribute.Missing;
        }
    }
}
