using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Xunit;

namespace LstmGen.Experiments.Tests
{
    /// <summary>
    /// The bits of every compiled network's training, pinned. Each digest is the SHA-256 of the numbers of
    /// <c>lstmgen trace &lt;network&gt; --seed 5 --length 40 --update &lt;timing&gt;</c> (every number of the JSON in
    /// document order, as written, one per line: initial and trained weights, inputs, targets, every output) as LstmGen
    /// 0.2.0 computed them, the version that produced docs/results.md. Names and other text are left out, so renaming a
    /// unit or a spec file does not touch it. A speed-up of the emitted code or of the numerics must keep these bits (same
    /// operations in the same order), or it changes every result and has to say so: then the digests are renewed on
    /// purpose, the version leaves LstmGenVersion.SameResultsAs, and the results are rerun.
    /// </summary>
    public sealed class TraceDigestTests
    {
        public static TheoryData<string, string, string> Digests => new()
        {
            { "Exp1Reber3x2", "per-step", "db2c7b0b066a65c6c322fabe0556d2f895a7bf486569b55e7b431c5366e9a243" },
            { "Exp1Reber3x2", "per-sequence", "7e553fc2218dc895c65c96f4fdf4a6237be77d92efdbef8ad448c48c0930462f" },
            { "Exp1Reber4x1", "per-step", "00db1a97f6ce2d6892430e733b485d28cfab3e52f1d5584f779eaa07176b8a42" },
            { "Exp1Reber4x1", "per-sequence", "e5aec056b91c1ae328d868215d36c9d0fdc26e4049e230e1677c0f1df7efb493" },
            { "Exp2LongLag", "per-step", "8d35157de5f653f3fceeb595c95b81cf7fda089d51e136a20b50ae61ae9591ae" },
            { "Exp2LongLag", "per-sequence", "9fc47a8cf6e3f91262b5f1a59671914ac69ca7eca711abf708c836265b64e581" },
            { "Exp2cP100", "per-step", "8fa2727d9e74de0b1eac391edd9090433bad5bf4dbf7188bda8db6f54b322718" },
            { "Exp2cP100", "per-sequence", "47314c05aa7c365df5392126ff669a8187db2f49a388c632fbb2f07ad1202cf6" },
            { "Exp2cP1000", "per-step", "c03e08cd48b14815e2c8683e6625b5ca3e8fdb159faafb07671d3591a559f0ba" },
            { "Exp2cP1000", "per-sequence", "7c74759857e28f242984b5b23e6f85b1369d0806466383b2a3f1aab0e599f2ba" },
            { "Exp2cP200", "per-step", "1f9e32a413185d16e4a9f1fd0b33ec54b96256cdc5b90406dbc7cbc8c36b6303" },
            { "Exp2cP200", "per-sequence", "489266612ceb4db09d5a738a4be607213df36fc4405b40229b49591f39b6195f" },
            { "Exp2cP50", "per-step", "c54ec30a6a46495afcadbd5cacb20787509f55e68324cc1b4592c2e77f2708d5" },
            { "Exp2cP50", "per-sequence", "c58a659febdadb98ff593b947582a1c88b210bd4bfd90b41e0d82475845bd968" },
            { "Exp2cP500", "per-step", "bc6d543cb2f7d17f44421a83322abaa543ef0cad42230038cf92607b2d40711f" },
            { "Exp2cP500", "per-sequence", "8abe24cb11c96d12f6161d899ae4f91cc5611bbf25b460efe828ec42fd7b35ee" },
            { "Exp3NoiseSignal", "per-step", "596bc4adc5901424a325a336ac9c238ba5860bde1a4b122cd2f12a051d3494cb" },
            { "Exp3NoiseSignal", "per-sequence", "1318bbbda20db82d4c025f07fe56cd9bd610961ebf54b04d2db433208abb0ef1" },
            { "Exp4Adding", "per-step", "35ae2de1fb33c8dfcd5866b063a431805716ea0c229392ef053fbd9ca7d1f400" },
            { "Exp4Adding", "per-sequence", "d61324b0f9ee6a6a284d3781c368919d4de64c873193e0eb50b3e658011d1fd9" },
            { "Exp6aTemporalOrder", "per-step", "234eaa4d005e0335a9b1ba46d6d06de5ed8f4bf30e5806acf38884e613dcdd5d" },
            { "Exp6aTemporalOrder", "per-sequence", "2cb308f7d6a362949e0261fd4bc6078409c5e7a83655fea6a0361183439c5cb2" },
            { "Exp6bTemporalOrder", "per-step", "a020bf757d4536d760379675c270131ac31295799d2c0fb1d03337827434a35a" },
            { "Exp6bTemporalOrder", "per-sequence", "6dbc7d63b7c48f0cfb953e9ac6aa202e48ffc81b2e026e4daccbeab99d238ccc" },
        };

        [Theory]
        [MemberData(nameof(Digests))]
        public void Trace_numbers_are_bit_identical_to_the_ones_the_results_were_measured_with(string network, string update, string sha256)
        {
            var result = CliRunner.Run("trace", network, "--seed", "5", "--length", "40", "--update", update);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(sha256, NumbersDigest(result.Out));
        }

        [Fact]
        public void The_digest_reads_every_number_and_nothing_else()
        {
            var digest = NumbersDigest("{\"a\": \"x1\", \"b\": [1.5, -0.25e-3, {\"c\": 7}], \"d\": null}");

            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("1.5\n-0.25e-3\n7"))), digest);
        }

        /// <summary>SHA-256 of every number token of <paramref name="json"/>, in document order, joined by newlines.</summary>
        private static string NumbersDigest(string json)
        {
            var numbers = new List<string>();
            using (var document = JsonDocument.Parse(json))
            {
                Collect(document.RootElement, numbers);
            }

            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", numbers))));
        }

        private static void Collect(JsonElement element, List<string> numbers)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Number:
                    numbers.Add(element.GetRawText());
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Collect(property.Value, numbers);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Collect(item, numbers);
                    }

                    break;
            }
        }
    }
}
