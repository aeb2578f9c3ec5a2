using System.CommandLine;

namespace LstmGen.Experiments.Cli
{
    /// <summary>The lane options of <c>run</c> and <c>reproduce</c>: <c>--lanes K</c> and <c>--hand-over-below B</c> (docs/performance.md, "Lanes in the harness").</summary>
    public static class LanesOption
    {
        public static Option<int?> Create()
        {
            var option = new Option<int?>("--lanes")
            {
                Description = "Trials stepped together in one lane network per thread (1: one scalar network per trial). Default: K of the widest vector width this machine accelerates where the row's network has a generated lane class, else 1. Rows with sequential construction (2a, 2b) always run on scalar networks. Results are the same whatever K.",
                HelpName = "K",
            };
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int?>() is < 1 or > 64)
                {
                    r.AddError("--lanes must be between 1 and 64");
                }
            });
            return option;
        }

        /// <summary>The <c>--hand-over-below B</c> option of <c>run</c> and <c>reproduce</c> (docs/performance.md, "Lanes in the harness").</summary>
        public static Option<double?> HandOverBelow()
        {
            var option = new Option<double?>("--hand-over-below")
            {
                Description = "Busy lanes below which a lane network, once the row has no trial left to start, hands its trials over to scalar networks of their own (0: they stay in their lanes unless a thread waits for work). Default: what a lane step costs in scalar steps, from the committed cost table (3.7-7.1 at K = 8), else K/2. Results are the same whatever B.",
                HelpName = "B",
            };
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<double?>() is { } b && !(b >= 0 && b <= 64))
                {
                    r.AddError("--hand-over-below must be between 0 and 64");
                }
            });
            return option;
        }
    }
}
