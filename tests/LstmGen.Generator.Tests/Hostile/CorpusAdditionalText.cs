using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LstmGen.Generator.Tests.Hostile
{
    /// <summary>
    /// A spec file's bytes handed to the generator as the compiler hands an AdditionalFile: decoded by
    /// <see cref="SourceText.From(Stream, System.Text.Encoding, SourceHashAlgorithm, bool, bool)"/>, which detects a
    /// UTF-8 or UTF-16 byte order mark (and drops it) and turns bytes that are not UTF-8 into U+FFFD. A build with the
    /// real SDK (dotnet build, .NET 10) was checked to give the generator the same text: "caf\xE9" arrives as "caf\uFFFD".
    /// </summary>
    internal sealed class CorpusAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public CorpusAdditionalText(string path, byte[] bytes)
        {
            Path = path;
            using var stream = new MemoryStream(bytes, writable: false);
            _text = SourceText.From(stream);
        }

        public override string Path { get; }

        public SourceText Text => _text;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
