namespace CQEN.ProfileGen.Licenses;

// Temporary until the licences branch lands (it owns this file).
public static class LicenseCatalog
{
    public static string? Name(string spdxId) => null;
}
