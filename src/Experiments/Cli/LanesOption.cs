using System.CommandLine;

namespace LstmGen.Experiments.Cli
{
    /// <summary>The <c>--lanes K</c> option of <c>run</c> and <c>reproduce</c> (docs/performance.md, "Lanes in the harness").</summary>
    public static class LanesOption
    {
        public static Option<int?> Create()
        {
            var option = new Option<int?>("--lanes")
            {
                Description = "Trials stepped together in one lane network per thread (1: one scalar network per trial). Default: K of the widest vector width this machine accelerates where the row's network has a generated lane class, else 1. Results are the same whatever K.",
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
    }
}
