using System.Text;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Snapshots;

public class SnapshotJsonTests
{
    private static readonly OrgSnapshot Small = new()
    {
        ReadAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        Org = new OrgProfile { Login = "CQEN-QDCE", Name = "Centre québécois d'excellence numérique", Url = "https://github.com/CQEN-QDCE" },
        Repos = [new RepoSnapshot { Name = "exp-a", FullName = "CQEN-QDCE/exp-a", Url = "https://github.com/CQEN-QDCE/exp-a", Description = "<b>Expérimentation</b> & co" }],
    };

    private static string Error(string json) => Assert.Throws<InputException>(() => SnapshotJson.Deserialize(json, "snap.json")).Message;

    public class Writing
    {
        [Fact]
        public void Is_snake_case_indented_by_two_spaces_with_lf_line_ends_and_a_final_newline()
        {
            var json = SnapshotJson.Serialize(Small);
            Assert.StartsWith("{\n  \"schema\": 1,\n  \"api_url\": \"https://api.github.com/\",\n  \"read_at\": \"2026-11-01T00:00:00+00:00\",\n  \"org\": {\n    \"login\": \"CQEN-QDCE\",", json);
            Assert.EndsWith("}\n", json);
            Assert.DoesNotContain("\r", json);
            Assert.DoesNotContain("\n\n", json);
        }

        [Fact]
        public void Keeps_accents_and_markup_readable() =>
            Assert.Contains("\"description\": \"<b>Expérimentation</b> & co\"", SnapshotJson.Serialize(Small));

        [Fact]
        public void Writes_unset_fields_as_null_so_every_snapshot_has_the_same_shape() =>
            Assert.Contains("\"homepage\": null", SnapshotJson.Serialize(Small));

        [Fact]
        public void Reads_back_what_it_writes() =>
            Assert.Equal(SnapshotJson.Serialize(Small), SnapshotJson.Serialize(SnapshotJson.Deserialize(SnapshotJson.Serialize(Small), "snap.json")));

        [Fact]
        public void Reads_a_file_that_starts_with_a_byte_order_mark()
        {
            byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(SnapshotJson.Serialize(Small))];
            Assert.Equal("CQEN-QDCE", SnapshotJson.Deserialize(bytes, "snap.json").Org.Login);
        }
    }

    public class Schema
    {
        [Theory]
        [InlineData("{\"schema\": 2, \"org\": {\"login\": \"o\", \"url\": \"u\"}}", "2")]
        [InlineData("{\"schema\": \"v2\", \"org\": {\"login\": \"o\", \"url\": \"u\"}}", "'v2'")]
        [InlineData("{\"api_url\": \"x\", \"future\": [1, {\"a\": 2}], \"schema\": 2.5, \"org\": {}}", "2.5")]
        public void A_future_schema_is_named_before_anything_else_is_checked(string json, string schema) =>
            Assert.Equal($"snap.json: unsupported snapshot schema {schema} (this version reads schema 1)", Error(json));

        [Fact]
        public void A_future_schema_is_named_even_after_a_byte_order_mark()
        {
            byte[] bytes = [0xEF, 0xBB, 0xBF, .. "{\"schema\": 3, \"org\": {}}"u8];
            Assert.Equal("snap.json: unsupported snapshot schema 3 (this version reads schema 1)", Assert.Throws<InputException>(() => SnapshotJson.Deserialize(bytes, "snap.json")).Message);
        }

        [Fact]
        public void A_snapshot_without_a_schema_is_read_as_the_current_one() =>
            Assert.Equal(1, SnapshotJson.Deserialize("{\"org\": {\"login\": \"o\", \"url\": \"u\"}}", "snap.json").Schema);

        [Fact]
        public void A_schema_that_is_neither_a_number_nor_a_text_is_an_invalid_snapshot_not_a_crash() =>
            Assert.StartsWith("snap.json:1:", Error("{\"schema\": true, \"org\": {\"login\": \"o\", \"url\": \"u\"}}"));
    }

    public class Invalid
    {
        [Fact]
        public void Names_the_file_line_and_column_of_a_syntax_error() =>
            Assert.Equal("snap.json:3:10: invalid snapshot: '}' is an invalid start of a value.", Error("{\n  \"schema\": 1,\n  \"org\": }\n"));

        [Fact]
        public void An_unknown_field_is_an_error() =>
            Assert.StartsWith("snap.json:1:", Error("{\"org\": {\"login\": \"o\", \"url\": \"u\", \"logins\": 2}}"));

        [Fact]
        public void A_missing_required_field_is_an_error() =>
            Assert.Equal("snap.json:1:23: invalid snapshot: JSON deserialization for type 'CQEN.ProfileGen.Snapshots.OrgProfile' was missing required properties including: 'url'.",
                Error("{\"org\": {\"login\": \"o\"}}"));

        [Fact]
        public void An_error_found_while_looking_for_the_schema_names_its_position_once() =>
            Assert.Equal("snap.json:1:35: invalid snapshot: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options.",
                Error("{\"org\": {\"login\": \"o\", \"url\": \"u\",}}"));

        [Fact]
        public void An_empty_file_is_an_error_at_its_start() =>
            Assert.Equal("snap.json:1:1: invalid snapshot: The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, when isFinalBlock is true.", Error(""));

        [Fact]
        public void A_null_where_a_value_is_required_is_an_error() =>
            Assert.StartsWith("snap.json:1:", Error("{\"org\": {\"login\": null, \"url\": \"u\"}}"));

        [Theory]
        [InlineData("{\"org\": {\"login\": \"o\", \"url\": \"u\",}}")]
        [InlineData("{\"org\": {\"login\": \"o\", \"url\": \"u\"} /* note */}")]
        [InlineData("{\"schema\": 1, \"org\": {\"login\": \"o\", \"url\": \"u\",}}")]
        [InlineData("{\"schema\": 1, \"org\": {\"login\": \"o\", \"url\": \"u\"} /* note */}")]
        public void Trailing_commas_and_comments_are_errors(string json) => Assert.StartsWith("snap.json:1:", Error(json));

        [Fact]
        public void A_null_document_is_an_error() =>
            Assert.Equal("snap.json:1:1: invalid snapshot: the document is null", Error("null"));

        [Fact]
        public void A_document_that_is_not_an_object_is_an_error() =>
            Assert.StartsWith("snap.json:1:", Error("[1, 2]"));

        [Fact]
        public void The_message_keeps_only_the_first_sentence_of_the_parser_s_text()
        {
            var message = Error("{\"org\": {\"login\": 5, \"url\": \"u\"}}");
            Assert.DoesNotContain("Path:", message);
            Assert.DoesNotContain("LineNumber", message);
            Assert.EndsWith(".", message);
        }
    }
}
