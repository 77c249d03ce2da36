namespace CQEN.ProfileGen.Licenses;

/// <summary>Identifies a licence from its file text when GitHub cannot (NOASSERTION, Other, nothing).</summary>
public static class LicenseIdentifier
{
    /// <summary>Placeholder signature: implemented in the licences work. Returns an SPDX id or null.</summary>
    public static string? Identify(ReadOnlySpan<byte> fileBytes) => null;
}
