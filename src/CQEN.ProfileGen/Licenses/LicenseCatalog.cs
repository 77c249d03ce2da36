namespace CQEN.ProfileGen.Licenses;

// Temporary until the licences branch lands (it owns this file).
public static class LicenseCatalog
{
    public static string? Name(string spdxId) => null;
    public static bool IsLicenseFileName(string name) => name.StartsWith("LICEN", StringComparison.OrdinalIgnoreCase) || name.StartsWith("COPYING", StringComparison.OrdinalIgnoreCase);
    public static int Preference(string name) => 0;
}
