using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Dispatch;
using Xunit;

namespace LstmGen.Experiments.Tests.Dispatch
{
    /// <summary>
    /// The portable native binary re-executes lstmgen-avx512 exactly when it is native, lacks AVX-512 itself, the CPU
    /// has it, the system can exec, the sibling is there, the user did not say LSTMGEN_AVX512=0 and no lstmgen started
    /// this process already; every other combination runs here, with a reason.
    /// </summary>
    public sealed class Avx512DispatchTests
    {
        private const string Sibling = "/opt/lstmgen/lstmgen-avx512";

        /// <summary>The portable binary on an AVX-512 machine with the sibling beside it: the one case that re-executes.</summary>
        private static readonly DispatchFacts PortableOnAvx512 = new(
            IsNative: true, Vector512Accelerated: false, CpuHasAvx512: true, CanReExecute: true,
            SiblingPath: Sibling, SiblingExists: true, Choice: null, StartedBy: null);

        [Fact]
        public void The_portable_binary_on_an_AVX512_CPU_with_its_sibling_re_executes_the_sibling()
        {
            var decision = Avx512Dispatch.Decide(PortableOnAvx512);
            Assert.Equal(Sibling, decision.Sibling);
            Assert.Equal(decision, Avx512Dispatch.Decide(PortableOnAvx512 with { Choice = "" }));
            Assert.Equal(decision, Avx512Dispatch.Decide(PortableOnAvx512 with { Choice = "auto" }));
        }

        public static TheoryData<string, string> RunsHere => new()
        {
            { "jit", "the JIT chooses the lane width from this CPU" },
            { "v4 binary", "this binary uses AVX-512" },
            { "v4 binary started by lstmgen", "this binary uses AVX-512; started by /opt/lstmgen/lstmgen" },
            { "sibling without AVX-512", "started by /opt/lstmgen/lstmgen as lstmgen-avx512 but compiled without AVX-512" },
            { "LSTMGEN_AVX512=0", "LSTMGEN_AVX512=0" },
            { "no AVX-512", "this CPU has no AVX-512" },
            { "no exec", "re-executing a binary needs Linux or macOS" },
            { "no sibling", "this CPU has AVX-512, but no lstmgen-avx512 is beside this binary" },
            { "no process path", "this CPU has AVX-512, but no lstmgen-avx512 is beside this binary" },
        };

        [Theory]
        [MemberData(nameof(RunsHere))]
        public void Every_other_case_runs_here_and_says_why(string change, string reason)
        {
            var facts = change switch
            {
                "jit" => PortableOnAvx512 with { IsNative = false },
                "v4 binary" => PortableOnAvx512 with { Vector512Accelerated = true },
                "v4 binary started by lstmgen" => PortableOnAvx512 with { Vector512Accelerated = true, StartedBy = "/opt/lstmgen/lstmgen" },
                "sibling without AVX-512" => PortableOnAvx512 with { StartedBy = "/opt/lstmgen/lstmgen" },
                "LSTMGEN_AVX512=0" => PortableOnAvx512 with { Choice = "0" },
                "no AVX-512" => PortableOnAvx512 with { CpuHasAvx512 = false },
                "no exec" => PortableOnAvx512 with { CanReExecute = false },
                "no sibling" => PortableOnAvx512 with { SiblingExists = false },
                "no process path" => PortableOnAvx512 with { SiblingPath = null, SiblingExists = false },
                _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
            };
            Assert.Equal(DispatchDecision.Here(reason), Avx512Dispatch.Decide(facts));
        }

        /// <summary>All 2^6 x 3 x 2 combinations: only the one above re-executes (so a loop is impossible: a re-executed process has StartedBy).</summary>
        [Fact]
        public void Exactly_one_combination_of_the_facts_re_executes()
        {
            var flags = new[] { false, true };
            var reExecuting = new List<DispatchFacts>();
            foreach (var facts in
                from native in flags
                from v512 in flags
                from cpu in flags
                from exec in flags
                from exists in flags
                from path in new[] { null, Sibling }
                from choice in new[] { null, "0", "auto" }
                from startedBy in new[] { null, "/opt/lstmgen/lstmgen" }
                select new DispatchFacts(native, v512, cpu, exec, path, exists, choice, startedBy))
            {
                if (Avx512Dispatch.Decide(facts).Sibling is not null)
                {
                    reExecuting.Add(facts);
                }
            }

            Assert.Equal(new[] { PortableOnAvx512, PortableOnAvx512 with { Choice = "auto" } }, reExecuting);
        }

        [Theory]
        [InlineData("1")]
        [InlineData("off")]
        [InlineData(" 0")]
        public void An_unknown_LSTMGEN_AVX512_value_is_an_error_naming_it(string value)
        {
            var e = Assert.Throws<ArgumentException>(() => Avx512Dispatch.Decide(PortableOnAvx512 with { Choice = value }));
            Assert.Equal("LSTMGEN_AVX512 must be 0 (keep this binary) or auto, got '" + value + "'", e.Message);
        }

        // The CPUID words of the AMD EPYC this was written on (XCR0 = E7h: x87, SSE, AVX and the three AVX-512 components;
        // the enabled state ends where Hi16_ZMM ends, 1408 + 1024 = 2432 bytes).
        private const uint MaxLeaf = 0xD;
        private const uint Leaf1Ecx = 0xFED83203;
        private const uint Leaf7Ebx = 0xF1BB03A9;
        private const uint EnabledSize = 2432;
        private const uint Hi16ZmmOffset = 1408;
        private const uint Hi16ZmmSize = 1024;

        [Fact]
        public void CPUID_of_an_AVX512_machine_says_yes()
        {
            Assert.True(Avx512Support.FromCpuId(MaxLeaf, Leaf1Ecx, Leaf7Ebx, EnabledSize, Hi16ZmmOffset, Hi16ZmmSize));
            Assert.True(Avx512Support.FromCpuId(0x1F, Leaf1Ecx, Leaf7Ebx, EnabledSize + 8, Hi16ZmmOffset, Hi16ZmmSize)); // more leaves, PKRU enabled too
        }

        [Theory]
        [InlineData(16, "AVX512F")]
        [InlineData(17, "AVX512DQ")]
        [InlineData(28, "AVX512CD")]
        [InlineData(30, "AVX512BW")]
        [InlineData(31, "AVX512VL")]
        public void Each_of_the_five_feature_bits_is_required(int bit, string feature)
        {
            Assert.False(Avx512Support.FromCpuId(MaxLeaf, Leaf1Ecx, Leaf7Ebx & ~(1u << bit), EnabledSize, Hi16ZmmOffset, Hi16ZmmSize), feature);
        }

        [Fact]
        public void The_operating_system_must_save_the_512_bit_registers()
        {
            // No OSXSAVE; the enabled state ends before Hi16_ZMM (an AVX-only XCR0 = 7: 832 bytes); no leaf 0Dh; no sub-leaf 7.
            Assert.False(Avx512Support.FromCpuId(MaxLeaf, Leaf1Ecx & ~Avx512Support.OsXsaveBit, Leaf7Ebx, EnabledSize, Hi16ZmmOffset, Hi16ZmmSize));
            Assert.False(Avx512Support.FromCpuId(MaxLeaf, Leaf1Ecx, Leaf7Ebx, 832, Hi16ZmmOffset, Hi16ZmmSize));
            Assert.False(Avx512Support.FromCpuId(MaxLeaf, Leaf1Ecx, Leaf7Ebx, Hi16ZmmOffset + Hi16ZmmSize - 1, Hi16ZmmOffset, Hi16ZmmSize));
            Assert.False(Avx512Support.FromCpuId(0xC, Leaf1Ecx, Leaf7Ebx, EnabledSize, Hi16ZmmOffset, Hi16ZmmSize));
            Assert.False(Avx512Support.FromCpuId(MaxLeaf, Leaf1Ecx, Leaf7Ebx, EnabledSize, 0, 0));
        }
    }
}
