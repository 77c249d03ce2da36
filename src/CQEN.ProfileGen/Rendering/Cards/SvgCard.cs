using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CQEN.ProfileGen.Rendering.Cards;

/// <summary>
/// One SVG picture, written with System.Xml.Linq: every text goes in as a text node, so the
/// writer escapes it (a repository named <c>&lt;script&gt;</c> is drawn as those characters).
/// Only shapes and text: no script, style sheet, link, image, font or foreignObject, which is
/// also all GitHub shows of an SVG in an &lt;img&gt;. The same calls give the same bytes.
/// </summary>
internal sealed class SvgCard
{
    public const string FontFamily = "-apple-system,BlinkMacSystemFont,'Segoe UI','Noto Sans',Helvetica,Arial,sans-serif";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly XElement _root;
    private readonly XElement _body;

    public SvgCard(double width, double height, string title, string description, CardPalette palette)
    {
        Width = width;
        Height = height;
        Palette = palette;
        _body = new XElement(Svg + "g",
            new XAttribute("font-family", FontFamily),
            new XAttribute("fill", palette.Ink));
        _root = new XElement(Svg + "svg",
            new XAttribute("width", Number(width)),
            new XAttribute("height", Number(height)),
            new XAttribute("viewBox", $"0 0 {Number(width)} {Number(height)}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", "title desc"),
            new XElement(Svg + "title", new XAttribute("id", "title"), Clean(title)),
            new XElement(Svg + "desc", new XAttribute("id", "desc"), Clean(description)),
            new XElement(Svg + "rect",
                new XAttribute("x", "0.5"), new XAttribute("y", "0.5"),
                new XAttribute("width", Number(width - 1)), new XAttribute("height", Number(height - 1)),
                new XAttribute("rx", "6"),
                new XAttribute("fill", palette.Plate), new XAttribute("fill-opacity", Number(palette.PlateOpacity)),
                new XAttribute("stroke", palette.Border)),
            _body);
    }

    public double Width { get; }
    public double Height { get; }
    public CardPalette Palette { get; }

    /// <summary>A line of text; <paramref name="anchor"/> is start, middle or end.</summary>
    public void Text(double x, double y, string text, double fontSize, bool bold = false, string anchor = "start", bool muted = false)
    {
        var element = new XElement(Svg + "text", new XAttribute("x", Number(x)), new XAttribute("y", Number(y)), new XAttribute("font-size", Number(fontSize)));
        if (bold)
        {
            element.Add(new XAttribute("font-weight", "700"));
        }
        if (anchor != "start")
        {
            element.Add(new XAttribute("text-anchor", anchor));
        }
        if (muted)
        {
            element.Add(new XAttribute("fill", Palette.Muted));
        }
        element.Add(Clean(text));
        _body.Add(element);
    }

    public void Rect(double x, double y, double width, double height, string fill, double radius = 2)
    {
        _body.Add(new XElement(Svg + "rect",
            new XAttribute("x", Number(x)), new XAttribute("y", Number(y)),
            new XAttribute("width", Number(width)), new XAttribute("height", Number(height)),
            new XAttribute("rx", Number(radius)), new XAttribute("fill", fill)));
    }

    /// <summary>The file: UTF-8 without a byte-order mark, "\n" line ends, two-space indents.</summary>
    public byte[] ToBytes()
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            OmitXmlDeclaration = true,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            _root.Save(writer);
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>A coordinate as SVG writes it: invariant, at most two decimals, no exponent.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Text as XML can hold it: characters XML forbids (controls, lone surrogates) are dropped,
    /// and line breaks become spaces, as a line of SVG text draws them anyway.
    /// </summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (c is '\n' or '\r' or '\t')
            {
                sb.Append(' ');
            }
            else if (!char.IsSurrogate(c) && XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
