using System.Text;

namespace CQEN.ProfileGen;

/// <summary>
/// Reads the files a user writes (configuration, templates) as strict UTF-8: a file saved in
/// another encoding (Windows-1252, Latin-1) is refused at its first bad byte instead of being
/// silently mangled into U+FFFD.
/// </summary>
internal static class Utf8File
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="InputException">Unreadable, or not UTF-8 (naming the line and column of the first bad byte).</exception>
    public static string Read(string path, string displayPath, string what)
    {
        byte[] bytes;
        // A pipe (a FIFO) or a device would block the read, past any --timeout: refused unread.
        if (FilePath.IsSpecial(path))
        {
            throw new InputException($"{displayPath}: the {what} is not a regular file (a pipe, device or socket)");
        }
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{displayPath}: cannot read the {what} ({ex.Message})");
        }
        return Decode(bytes, displayPath);
    }

    public static string Decode(byte[] bytes, string displayPath)
    {
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        try
        {
            return Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var at = start + Math.Max(0, ex.Index);
            var before = bytes.AsSpan(0, at);
            var line = before.Count((byte)'\n') + 1;
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            // Columns count characters, as an editor shows them, not bytes.
            var column = Strict.GetCharCount(bytes, Math.Max(lineStart, start), at - Math.Max(lineStart, start)) + 1;
            throw new InputException($"{displayPath}:{line}:{column}: not UTF-8 (byte 0x{bytes[at]:X2}); save the file as UTF-8");
        }
    }
}
