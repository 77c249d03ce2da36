using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Rendering;

/// <summary>
/// Dates in fr-CA and en written out by hand rather than through ICU: the same text on every
/// machine (ICU data differs between systems, and invariant-globalization hosts have none).
/// </summary>
internal static class DateText
{
    private static readonly string[] FrenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
    private static readonly string[] EnglishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] FrenchShortMonths = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.", "nov.", "déc."];
    private static readonly string[] EnglishShortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>format: "long" (25 novembre 2026), "month" (nov. 2026), "iso" (2026-11-25). Dates are taken in UTC.</summary>
    public static string Format(DateTimeOffset? date, ProfileCulture culture, string format = "long")
    {
        if (date is not { } value)
        {
            return "";
        }
        var d = value.UtcDateTime;
        var english = culture == ProfileCulture.English;
        return format switch
        {
            "iso" => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "month" => english ? $"{EnglishShortMonths[d.Month - 1]} {d.Year}" : $"{FrenchShortMonths[d.Month - 1]} {d.Year}",
            "long" => english ? $"{EnglishMonths[d.Month - 1]} {d.Day}, {d.Year}" : $"{(d.Day == 1 ? "1er" : d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture))} {FrenchMonths[d.Month - 1]} {d.Year}",
            _ => throw new ArgumentException($"unknown date format '{format}' (use long, month or iso)"),
        };
    }

    /// <summary>"il y a 3 jours" / "3 days ago" relative to <paramref name="now"/>. Changes every run by design.</summary>
    public static string Relative(DateTimeOffset? date, DateTimeOffset now, ProfileCulture culture)
    {
        if (date is not { } value)
        {
            return "";
        }
        var english = culture == ProfileCulture.English;
        var days = (int)Math.Floor((now - value).TotalDays);
        if (days < 1)
        {
            return english ? "today" : "aujourd’hui";
        }
        (var n, var fr, var en) = days switch
        {
            < 30 => (days, "jour", "day"),
            < 365 => (days / 30, "mois", "month"),
            _ => (days / 365, "an", "year"),
        };
        var frUnit = n > 1 && fr != "mois" ? fr + "s" : fr;
        return english ? $"{n} {en}{(n > 1 ? "s" : "")} ago" : $"il y a {n} {frUnit}";
    }
}
