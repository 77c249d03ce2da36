using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Tests.Rendering;

public class DateTextTests
{
    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

    public class Format
    {
        [Theory]
        [InlineData(1, "1er janvier 2026", "January 1, 2026", "janv. 2026", "Jan 2026")]
        [InlineData(2, "1er février 2026", "February 1, 2026", "févr. 2026", "Feb 2026")]
        [InlineData(3, "1er mars 2026", "March 1, 2026", "mars 2026", "Mar 2026")]
        [InlineData(4, "1er avril 2026", "April 1, 2026", "avr. 2026", "Apr 2026")]
        [InlineData(5, "1er mai 2026", "May 1, 2026", "mai 2026", "May 2026")]
        [InlineData(6, "1er juin 2026", "June 1, 2026", "juin 2026", "Jun 2026")]
        [InlineData(7, "1er juillet 2026", "July 1, 2026", "juill. 2026", "Jul 2026")]
        [InlineData(8, "1er août 2026", "August 1, 2026", "août 2026", "Aug 2026")]
        [InlineData(9, "1er septembre 2026", "September 1, 2026", "sept. 2026", "Sep 2026")]
        [InlineData(10, "1er octobre 2026", "October 1, 2026", "oct. 2026", "Oct 2026")]
        [InlineData(11, "1er novembre 2026", "November 1, 2026", "nov. 2026", "Nov 2026")]
        [InlineData(12, "1er décembre 2026", "December 1, 2026", "déc. 2026", "Dec 2026")]
        public void Writes_every_month_out_in_french_and_english(int month, string frLong, string enLong, string frMonth, string enMonth)
        {
            var date = Day(2026, month, 1);
            Assert.Equal(
                (frLong, enLong, frMonth, enMonth),
                (DateText.Format(date, ProfileCulture.French), DateText.Format(date, ProfileCulture.English), DateText.Format(date, ProfileCulture.French, "month"), DateText.Format(date, ProfileCulture.English, "month")));
        }

        [Fact]
        public void Only_the_first_of_the_month_is_1er_in_french() =>
            Assert.Equal("2 mars 2024|25 novembre 2026", DateText.Format(Day(2024, 3, 2), ProfileCulture.French) + "|" + DateText.Format(Day(2026, 11, 25), ProfileCulture.French));

        [Fact]
        public void Iso_dates_are_the_same_in_every_culture() =>
            Assert.Equal("2026-11-05|2026-11-05", DateText.Format(Day(2026, 11, 5), ProfileCulture.French, "iso") + "|" + DateText.Format(Day(2026, 11, 5), ProfileCulture.English, "iso"));

        [Fact]
        public void Dates_are_taken_in_utc()
        {
            // 1 March, 01:00 at UTC+05:00 is still 28 February in UTC.
            var date = new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.FromHours(5));
            Assert.Equal("28 février 2026|2026-02-28", DateText.Format(date, ProfileCulture.French) + "|" + DateText.Format(date, ProfileCulture.French, "iso"));
        }

        [Fact]
        public void No_date_is_no_text() => Assert.Equal("", DateText.Format(null, ProfileCulture.French) + DateText.Format(null, ProfileCulture.English, "iso"));

        [Fact]
        public void An_unknown_format_is_an_error_that_lists_the_known_ones()
        {
            var ex = Assert.Throws<ArgumentException>(() => DateText.Format(Day(2024, 3, 2), ProfileCulture.French, "short"));
            Assert.Equal("unknown date format 'short' (use long, month or iso)", ex.Message);
        }
    }

    public class Relative
    {
        private static readonly DateTimeOffset Now = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

        private static string Both(TimeSpan ago) => DateText.Relative(Now - ago, Now, ProfileCulture.French) + " | " + DateText.Relative(Now - ago, Now, ProfileCulture.English);

        [Theory]
        [InlineData(0, "aujourd’hui | today")]
        [InlineData(1, "il y a 1 jour | 1 day ago")]
        [InlineData(2, "il y a 2 jours | 2 days ago")]
        [InlineData(29, "il y a 29 jours | 29 days ago")]
        [InlineData(30, "il y a 1 mois | 1 month ago")]
        [InlineData(59, "il y a 1 mois | 1 month ago")]
        [InlineData(60, "il y a 2 mois | 2 months ago")]
        [InlineData(364, "il y a 12 mois | 12 months ago")]
        [InlineData(365, "il y a 1 an | 1 year ago")]
        [InlineData(730, "il y a 2 ans | 2 years ago")]
        public void Counts_whole_days_months_and_years(int days, string expected) => Assert.Equal(expected, Both(TimeSpan.FromDays(days)));

        [Fact]
        public void Less_than_a_whole_day_is_today() => Assert.Equal("aujourd’hui | today", Both(TimeSpan.FromHours(23.9)));

        [Fact]
        public void A_date_after_the_run_is_today() => Assert.Equal("aujourd’hui | today", Both(TimeSpan.FromDays(-3)));

        [Fact]
        public void A_day_and_a_half_is_one_day() => Assert.Equal("il y a 1 jour | 1 day ago", Both(TimeSpan.FromHours(36)));

        [Fact]
        public void No_date_is_no_text() => Assert.Equal("", DateText.Relative(null, Now, ProfileCulture.French) + DateText.Relative(null, Now, ProfileCulture.English));
    }
}
