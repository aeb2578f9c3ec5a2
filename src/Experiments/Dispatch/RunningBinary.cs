using LstmGen.Runtime;

namespace LstmGen.Experiments.Dispatch
{
    /// <summary>Which binary runs: its file name, its build (NativeAOT or JIT), the widest lane width it steps, and why it runs.</summary>
    public sealed record RunningBinary(string Name, string Build, LaneWidth Widest, string Reason)
    {
        /// <summary>One line, e.g. "lstmgen-avx512 (NativeAOT), lanes Vector512: this binary uses AVX-512; started by /opt/lstmgen".</summary>
        public override string ToString() => Name + " (" + Build + "), lanes " + Widest + ": " + Reason;
    }
}
