using System.Runtime.Intrinsics.X86;

namespace LstmGen.Experiments.Dispatch
{
    /// <summary>
    /// Whether this CPU and its operating system run code compiled for x86-64-v4 (AVX-512 F, DQ, CD, BW and VL), read
    /// from CPUID. A binary compiled for x86-64-v3 cannot use AVX-512 itself (under NativeAOT the vector widths are fixed
    /// when the binary is compiled), but it can still ask the CPU, to decide whether to start its AVX-512 sibling.
    /// </summary>
    public static class Avx512Support
    {
        /// <summary>CPUID leaf 7, sub-leaf 0, EBX: AVX512F (16), AVX512DQ (17), AVX512CD (28), AVX512BW (30), AVX512VL (31).</summary>
        public const uint Leaf7EbxBits = (1u << 16) | (1u << 17) | (1u << 28) | (1u << 30) | (1u << 31);

        /// <summary>CPUID leaf 1, ECX bit 27: OSXSAVE, the operating system saves extended state (XGETBV may be read).</summary>
        public const uint OsXsaveBit = 1u << 27;

        /// <summary>The highest CPUID leaf this reads (0Dh, the XSAVE state components).</summary>
        public const uint XsaveLeaf = 0xD;

        /// <summary>The answer for this machine; false where the CPU is not x86 (no CPUID).</summary>
        public static bool OfThisMachine()
        {
            if (!X86Base.IsSupported)
            {
                return false;
            }

            var (maxLeaf, _, _, _) = X86Base.CpuId(0, 0);
            if ((uint)maxLeaf < XsaveLeaf)
            {
                return false;
            }

            var (_, _, leaf1Ecx, _) = X86Base.CpuId(1, 0);
            var (_, leaf7Ebx, _, _) = X86Base.CpuId(7, 0);
            var (_, enabledStateSize, _, _) = X86Base.CpuId((int)XsaveLeaf, 0);
            var (hi16ZmmSize, hi16ZmmOffset, _, _) = X86Base.CpuId((int)XsaveLeaf, 7);
            return FromCpuId((uint)maxLeaf, (uint)leaf1Ecx, (uint)leaf7Ebx, (uint)enabledStateSize, (uint)hi16ZmmOffset, (uint)hi16ZmmSize);
        }

        /// <summary>
        /// The decision from the CPUID words: the five AVX-512 feature bits, and the operating system's consent. The CPU
        /// may have AVX-512 while the kernel does not save the 512-bit registers (XCR0 bits 5-7 clear); a v4 binary then
        /// refuses to start. XCR0 itself needs XGETBV, which .NET does not expose; CPUID leaf 0Dh sub-leaf 0 EBX is the
        /// size of the save area of the components XCR0 enables, so the last AVX-512 component (7, Hi16_ZMM, at the
        /// offset and of the size sub-leaf 7 gives) is enabled exactly when that size reaches its end (XCR0 bits 5-7
        /// are set together or not at all, Intel SDM vol. 1, 13.3).
        /// </summary>
        public static bool FromCpuId(uint maxLeaf, uint leaf1Ecx, uint leaf7Ebx, uint enabledStateSize, uint hi16ZmmOffset, uint hi16ZmmSize) =>
            maxLeaf >= XsaveLeaf
            && (leaf1Ecx & OsXsaveBit) != 0
            && (leaf7Ebx & Leaf7EbxBits) == Leaf7EbxBits
            && hi16ZmmSize != 0
            && enabledStateSize >= (ulong)hi16ZmmOffset + hi16ZmmSize;
    }
}
