namespace CQEN.ProfileGen.Tests.Licenses;

/// <summary>
/// Windows-1252 bytes written by hand, so the tests never register the code-pages provider
/// themselves: the identifier must manage to read these files on its own.
/// </summary>
internal static class Windows1252
{
    // Bytes 0x80–0x9F, where Windows-1252 differs from Latin-1 (its five unused bytes kept as is).
    private const string High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    public static byte[] GetBytes(string text) => text.Select(Byte).ToArray();

    private static byte Byte(char c) => c switch
    {
        < '\u0080' or (>= '\u00A0' and <= '\u00FF') => (byte)c,
        _ when High.IndexOf(c) is >= 0 and var i => (byte)(0x80 + i),
        _ => (byte)'?',
    };
}
