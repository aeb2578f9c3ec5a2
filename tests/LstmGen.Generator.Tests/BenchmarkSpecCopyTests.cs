using System;
using System.IO;
using System.Linq;
using LstmGen.Generator.Model;
using LstmGen.Generator.Parsing;
using LstmGen.Generator.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// The benchmark suite's copies of the paper specs (src/Benchmarks/Specs) measure the paper's networks, so they must
    /// stay the paper's networks: a <c>-dense</c> copy differs only in reading every input, a <c>-float</c> copy only
    /// in precision (beside its name, namespace and comments).
    /// </summary>
    public sealed class BenchmarkSpecCopyTests
    {
        private static readonly string CopyFolder = Path.Combine(RepoPaths.Root, "src", "Benchmarks", "Specs");

        public static TheoryData<string> Copies
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var path in Directory.GetFiles(CopyFolder, "*" + PaperSpecs.Suffix).OrderBy(p => p, StringComparer.Ordinal))
                {
                    data.Add(Path.GetFileName(path));
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(Copies))]
        public void Copy_is_its_paper_spec_but_for_the_one_setting_it_varies(string fileName)
        {
            var stem = fileName[..^PaperSpecs.Suffix.Length];
            var dense = stem.EndsWith("-dense", StringComparison.Ordinal);
            Assert.True(dense || stem.EndsWith("-float", StringComparison.Ordinal), fileName + " is neither a -dense nor a -float copy");
            var paperName = stem[..stem.LastIndexOf('-')];
            var paper = Parse(PaperSpecs.Read(paperName));
            var copy = Parse((fileName, File.ReadAllText(Path.Combine(CopyFolder, fileName)).Replace("\r\n", "\n")));

            Assert.Equal(paper.TypeName + (dense ? "Dense" : "Float"), copy.TypeName);
            if (dense)
            {
                Assert.Equal(InputEncoding.Dense, copy.InputEncoding);
            }
            else
            {
                Assert.Equal(Precision.Float, copy.Precision);
            }

            var normalised = copy with
            {
                TypeName = paper.TypeName,
                Namespace = paper.Namespace,
                SpecFileName = paper.SpecFileName,
                SpecText = paper.SpecText,
                Description = paper.Description,
                InputEncoding = paper.InputEncoding,
                Precision = paper.Precision,
            };
            Assert.Equal(paper, normalised);
        }

        private static NetworkSpec Parse((string Path, string Yaml) spec)
        {
            var result = SpecParser.Parse(spec.Path, spec.Yaml);
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.ToCompilerFormat())));
            return result.Spec!;
        }
    }
}
