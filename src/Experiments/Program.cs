using System;
using System.Globalization;
using LstmGen.Runtime;

namespace LstmGen.Experiments
{
    /// <summary>Entry point of the experiments program.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            foreach (var entry in PaperNetworks.All)
            {
                var network = entry.Create();
                Console.WriteLine(entry.Name + " " + network.WeightCount.ToString(CultureInfo.InvariantCulture));
            }

            return args.Length == 0 ? 0 : 0;
        }
    }
}
