namespace CQEN.ProfileGen.Badges;

// Temporary until the badges branch lands (it owns this file).
public static class ReadmeHeaderExtractor
{
    public static (string Text, bool HasEnteteMarkers) Extract(string readmeText) =>
        (string.Join('\n', readmeText.Split('\n').Take(30)), readmeText.Contains("<!-- ENTETE -->") && readmeText.Contains("<!-- FIN ENTETE -->"));
}
