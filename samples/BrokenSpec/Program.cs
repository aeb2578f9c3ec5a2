using System;

namespace BrokenSpec
{
    /// <summary>
    /// Deliberately does not use the network: the build must fail on the spec error alone (LSTM0005 in
    /// broken.lstm.yaml), not on a C# error about the class the generator refused to emit.
    /// </summary>
    public static class Program
    {
        public static int Main()
        {
            Console.WriteLine("unreachable: this sample must not build");
            return 1;
        }
    }
}
