using System;
using System.CommandLine;
using System.Globalization;

namespace LstmGen.Experiments.Cli
{
    /// <summary>The options <c>run</c>, <c>sweep</c> and <c>reproduce</c> share for how many trials run, how long and how many at once.</summary>
    public static class TrialOptions
    {
        /// <summary><c>--trials</c>: between 1 and <see cref="Rows.RowFileReader.MaxTrials"/> (a row file's own limit).</summary>
        public static Option<int?> Trials(string description)
        {
            var option = new Option<int?>("--trials") { Description = description };
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int?>() is < 1 or > Rows.RowFileReader.MaxTrials)
                {
                    r.AddError("--trials must be between 1 and " + Rows.RowFileReader.MaxTrials.ToString(CultureInfo.InvariantCulture));
                }
            });
            return option;
        }

        /// <summary><c>--max-sequences</c>: the cap, a positive number of training sequences.</summary>
        public static Option<long?> MaxSequences(string description)
        {
            var option = new Option<long?>("--max-sequences") { Description = description };
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<long?>() is < 1)
                {
                    r.AddError("--max-sequences must be positive");
                }
            });
            return option;
        }

        /// <summary><c>--threads</c>: trials run at once, 1 to 1024, by default the number of cores.</summary>
        public static Option<int> Threads()
        {
            var option = new Option<int>("--threads") { Description = "Trials run at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() is < 1 or > 1024)
                {
                    r.AddError("--threads must be between 1 and 1024");
                }
            });
            return option;
        }
    }
}
