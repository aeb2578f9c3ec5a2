namespace LstmGen.Generator.Parsing
{
    /// <summary>
    /// What a YAML scalar must look like to be read as an integer, in specs and in row files alike: optional sign, then
    /// decimal digits only (no 0x, no exponent, no separators; docs/spec-language.md, "Numbers and YAML").
    /// </summary>
    public static class IntegerText
    {
        /// <summary>Whether <paramref name="text"/> is an optional '+' or '-' followed by one or more digits 0-9.</summary>
        public static bool IsInteger(string text)
        {
            var start = text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
            if (start >= text.Length)
            {
                return false;
            }

            for (var i = start; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
