using System;

namespace Broken
{
    /// <summary>Does not use the network: the build must fail on the spec error alone.</summary>
    public static class Program
    {
        public static int Main()
        {
            Console.WriteLine("unreachable: this consumer must not build");
            return 1;
        }
    }
}
