using System.Text;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>Helpers shared by the symbolic tasks: local (one-hot) codes and symbol strings.</summary>
    internal static class SymbolCodes
    {
        /// <summary>Writes the one-hot code of <paramref name="symbol"/> into row <paramref name="row"/> of a step-major array.</summary>
        public static void SetOneHot(double[] flat, int row, int width, int symbol)
        {
            flat[(row * width) + symbol] = 1.0;
        }

        /// <summary>Joins symbol names with <paramref name="separator"/>.</summary>
        public static string Join(int[] symbols, string[] names, string separator)
        {
            var text = new StringBuilder();
            for (var i = 0; i < symbols.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(separator);
                }

                text.Append(names[symbols[i]]);
            }

            return text.ToString();
        }
    }
}
