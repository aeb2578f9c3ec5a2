using System;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace LstmGen.Experiments.Tests
{
    /// <summary>
    /// The bits of every compiled network's training, pinned. Each digest is the SHA-256 of <c>lstmgen trace &lt;network&gt;
    /// --seed 5 --length 40 --update &lt;timing&gt;</c> (initial and trained weights, every output) as LstmGen 0.2.0 wrote it,
    /// the version that produced docs/results.md. A speed-up of the emitted code or of the numerics must keep these bits
    /// (same operations in the same order), or it changes every result and has to say so: then the digests are renewed
    /// on purpose, with the version, and the results are rerun.
    /// </summary>
    public sealed class TraceDigestTests
    {
        public static TheoryData<string, string, string> Digests => new()
        {
            { "Exp1Reber3x2", "per-step", "528b3c4ab460b2c3324489374f236b391f363f8a9ec7f5474501e3d59629c515" },
            { "Exp1Reber3x2", "per-sequence", "2924c05db4d3ff31639022f4c3112bf44dffb273d47878d3804b52d874b6e05f" },
            { "Exp1Reber4x1", "per-step", "a42c5a1e3557c60b6c6cd9dbe59b11b68d118843631b5e71b93146cdde9ae120" },
            { "Exp1Reber4x1", "per-sequence", "1cabf6431040e86a187fc5885095419235cc4a86fe21c9b996bbc205b7a39383" },
            { "Exp2LongLag", "per-step", "b92c36d9ae5459ec4196d11a2d92ad5ac10488394b754d8bd1ee69433edb39b6" },
            { "Exp2LongLag", "per-sequence", "f098c0b3f84f91fa66853f7bf0c3e978fea4c7fbdec1470567d953ea0970960e" },
            { "Exp2cP100", "per-step", "51ed087de35879007975d44b546bad288681bdcd0addde5d0382d4381bdfe2f7" },
            { "Exp2cP100", "per-sequence", "088458079926551969fd5001b636c0978fbed3f624ef6d5ee63226cd820b424c" },
            { "Exp2cP1000", "per-step", "6d973d99029f836da0315aa65bccb2fc10ff2b9f32b553a02fb512e4f0c4e48f" },
            { "Exp2cP1000", "per-sequence", "2d2cb476ca3bb3ae86a0a231689a833e52e5d92bedbba4a78ead97073791ff6a" },
            { "Exp2cP200", "per-step", "262733b6c8e670938a83648af2532e8a22a9a161ba85dd8a965f47a76bb496b8" },
            { "Exp2cP200", "per-sequence", "8081636319bc4e70b66f931ddbd4648b3fa4d74ffa3e2f54605188a9b450f4c2" },
            { "Exp2cP50", "per-step", "09fd452c95937663999707346a05765bfeadefab437160b2528f348a91d1727f" },
            { "Exp2cP50", "per-sequence", "5f2deb70cf5e76e2a3e97cfa589ea2569f1b59be5cf46d8a80871ac890fc022b" },
            { "Exp2cP500", "per-step", "be3c521cc2ab534a06aad18183025262f3ad734c4eaeb9b064efa6b7a32a3dbd" },
            { "Exp2cP500", "per-sequence", "d7b714ab86d46415d24ee92003a852b67836e2c7e1b4a9d76c28ed99e41f6c2e" },
            { "Exp3NoiseSignal", "per-step", "0de99c4256c201a074b6245a3946d63980179e370b023a6ce0c9e8f2a3566bd6" },
            { "Exp3NoiseSignal", "per-sequence", "6ed5dd2b52a38c071766977236366e2056c835bf2c93432b58789187436afb33" },
            { "Exp4Adding", "per-step", "39d071dc6003fe028ac8046e7db26c34a4a4da1c8ad481d3414266f02b709573" },
            { "Exp4Adding", "per-sequence", "5ce02cba319699bfefdeca7351e5b0e8c405f6c13b78abd6827902175ae1744a" },
            { "Exp6aTemporalOrder", "per-step", "19326c49b3d2548f453ea5d8a6951cbc0515440417d20b0874fa09b873c8d3b0" },
            { "Exp6aTemporalOrder", "per-sequence", "7f9d11d1e3a5116b7e95d019040bc3ff3ce3e89ef3cb3aaddf4fc3d9b672bc1d" },
            { "Exp6bTemporalOrder", "per-step", "17c6101fdc47d8828bbc8dd2764f1ef051b454fe06e756a75c234c4d8693a629" },
            { "Exp6bTemporalOrder", "per-sequence", "e637f8db523d29a8add8a7204369cb439ff3fd55b960043729167ac928e44d14" },
        };

        [Theory]
        [MemberData(nameof(Digests))]
        public void Trace_is_bit_identical_to_the_one_the_results_were_measured_with(string network, string update, string sha256)
        {
            var result = CliRunner.Run("trace", network, "--seed", "5", "--length", "40", "--update", update);

            Assert.Equal(0, result.ExitCode);
            var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(result.Out)));
            Assert.Equal(sha256, digest);
        }
    }
}
