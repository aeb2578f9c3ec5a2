using System;
using System.CommandLine;
using System.Globalization;

namespace LstmGen.Experiments.Cli
{
    /// <summary>The options <c>run</c>, <c>sweep</c>, <c>reproduce</c> and <c>recall</c> share: how many trials run, how long, how many at once, and the settings that shape training.</summary>
    public static class TrialOptions
    {
        /// <summary><c>--trials</c>: between 1 and <see cref="Rows.RowFileReader.MaxTrials"/> (a row file's own limit); null when not given (the row's count).</summary>
        public static Option<int?> Trials(string description)
        {
            var option = new Option<int?>("--trials") { Description = description };
            option.Validators.Add(r => ValidateTrials(r, r.GetValueOrDefault<int?>()));
            return option;
        }

        /// <summary><c>--trials</c> with a default of its own (commands that do not run a row's full count).</summary>
        public static Option<int> Trials(string description, int defaultValue)
        {
            var option = new Option<int>("--trials") { Description = description, DefaultValueFactory = _ => defaultValue };
            option.Validators.Add(r => ValidateTrials(r, r.GetValueOrDefault<int>()));
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

        /// <summary><c>--check-every</c>: Exps 1 and 3, training sequences between two tests of the stopping rule.</summary>
        public static Option<int?> CheckEvery()
        {
            var option = new Option<int?>("--check-every") { Description = "Exps 1 and 3: training sequences between two tests of the stopping rule (the paper does not say; defaults 100 and 1000)." };
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int?>() is < 1)
                {
                    r.AddError("--check-every must be positive");
                }
            });
            return option;
        }

        /// <summary><c>--update</c>: when weight changes are applied, per-step or per-sequence (read with <see cref="UpdateValue"/>).</summary>
        public static Option<string?> Update()
        {
            var option = new Option<string?>("--update") { Description = "When weight changes are applied (default: the network's spec)." };
            option.AcceptOnlyFromAmong("per-step", "per-sequence");
            return option;
        }

        /// <summary>The update timing an <see cref="Update"/> option's value names, or null for the network's own.</summary>
        public static LstmGen.Runtime.UpdateTiming? UpdateValue(string? value) => value switch
        {
            "per-step" => LstmGen.Runtime.UpdateTiming.PerStep,
            "per-sequence" => LstmGen.Runtime.UpdateTiming.PerSequence,
            _ => null,
        };

        /// <summary><c>--learning-rate</c>: a positive, finite α that overrides the row's.</summary>
        public static Option<double?> LearningRate()
        {
            var option = new Option<double?>("--learning-rate") { Description = "Overrides the row's learning rate." };
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<double?>() is { } v && !(v > 0 && double.IsFinite(v)))
                {
                    r.AddError("--learning-rate must be a positive number");
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

        private static void ValidateTrials(System.CommandLine.Parsing.OptionResult result, int? trials)
        {
            if (trials is < 1 or > Rows.RowFileReader.MaxTrials)
            {
                result.AddError("--trials must be between 1 and " + Rows.RowFileReader.MaxTrials.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
