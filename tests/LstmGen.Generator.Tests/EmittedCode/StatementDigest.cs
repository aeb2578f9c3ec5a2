using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Generator.Tests.EmittedCode
{
    /// <summary>
    /// A digest of what emitted code says, not how it is laid out: the SHA-256 of its C# tokens without trivia (so
    /// comments, blank lines and indentation do not count; every identifier, literal, operator and parenthesis does).
    /// </summary>
    internal static class StatementDigest
    {
        public static string Of(string code)
        {
            var tokens = string.Join("\n", SyntaxFactory.ParseTokens(code).Select(t => t.Text));
            using var sha = SHA256.Create();
            return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(tokens)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
