namespace CQEN.ProfileGen.Tests.Licenses;

/// <summary>
/// Windows-1252 bytes written by hand, so the tests never register the code-pages provider
/// themselves: the identifier must manage to read these files on its own.
/// </summary>
internal static class Windows1252
{
    // The 0x80–0x9F range, where Windows-1252 differs from Latin-1.
    private static readonly Dictionary<char, byte> High = new()
    {
        ['€'] = 0x80, ['‚'] = 0x82, ['ƒ'] = 0x83, ['„'] = 0x84, ['…'] = 0x85, ['†'] = 0x86, ['‡'] = 0x87, ['ˆ'] = 0x88,
        ['‰'] = 0x89, ['Š'] = 0x8A, ['‹'] = 0x8B, ['Œ'] = 0x8C, ['Ž'] = 0x8E, ['‘'] = 0x91, ['’'] = 0x92, ['“'] = 0x93,
        ['”'] = 0x94, ['•'] = 0x95, ['–'] = 0x96, ['—'] = 0x97, ['˜'] = 0x98, ['™'] = 0x99, ['š'] = 0x9A, ['›'] = 0x9B,
        ['œ'] = 0x9C, ['ž'] = 0x9E, ['Ÿ'] = 0x9F,
    };

    public static byte[] GetBytes(string text) =>
        text.Select(c => High.TryGetValue(c, out var b) ? b : c is < '\u0080' or (>= '\u00A0' and <= '\u00FF') ? (byte)c : (byte)'?').ToArray();
}
