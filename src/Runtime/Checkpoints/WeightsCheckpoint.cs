using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace LstmGen.Runtime.Checkpoints
{
    /// <summary>The floating-point type a network computes in, as a weights checkpoint records it.</summary>
    public enum WeightPrecision : byte
    {
        /// <summary>Not recorded: written by a lane view of LstmGen 0.5.0 and earlier, which did not report its spec's precision (it loads into a network of the same spec).</summary>
        Unknown = 0,

        /// <summary>IEEE-754 binary32 (<c>precision: float</c>).</summary>
        Float32 = 1,

        /// <summary>IEEE-754 binary64 (<c>precision: double</c>).</summary>
        Float64 = 2,
    }

    /// <summary>What a weights checkpoint holds.</summary>
    /// <param name="NetworkName">The network's name (<see cref="ILstmNetwork.Name"/>).</param>
    /// <param name="Precision">The precision of the network that wrote it.</param>
    /// <param name="SpecSha256">SHA-256 of the network's spec text (UTF-8), lower-case hex: the spec's identity.</param>
    /// <param name="Weights">The weights in layout order.</param>
    public sealed record WeightsCheckpointContents(string NetworkName, WeightPrecision Precision, string SpecSha256, double[] Weights)
    {
        public int WeightCount => Weights.Length;
    }

    /// <summary>
    /// A network's weights as a file (docs/checkpoints.md, "Weights checkpoints"): written atomically, checked on
    /// reading against corruption, truncation and being loaded into a network it was not written from.
    /// </summary>
    /// <remarks>
    /// Weights are stored as doubles whatever the network's precision: a float widens to a double exactly, so a float
    /// network's weights come back bit for bit.
    /// </remarks>
    public static class WeightsCheckpoint
    {
        /// <summary>The format version this build writes and reads.</summary>
        public const uint FormatVersion = 1;

        /// <summary>Longest network name accepted, in UTF-8 bytes.</summary>
        public const int MaxNameBytes = 1024;

        private const string Kind = "an LstmGen weights checkpoint";

        /// <summary>The first 8 bytes of every weights checkpoint.</summary>
        public static ReadOnlySpan<byte> Magic => "LSTMGENW"u8;

        /// <summary>Writes the weights of <paramref name="network"/> to <paramref name="path"/>, replacing it atomically.</summary>
        public static void Save(ILstmNetwork network, string path) => AtomicFile.WriteAllBytes(path, Encode(network));

        /// <summary>Replaces the weights of <paramref name="network"/> by those saved in <paramref name="path"/>.</summary>
        /// <exception cref="CheckpointException">The file is damaged, or was written from another network or spec.</exception>
        public static void Load(ILstmNetwork network, string path)
        {
            ArgumentNullException.ThrowIfNull(network);
            try
            {
                Apply(network, Decode(File.ReadAllBytes(path)));
            }
            catch (CheckpointException e) when (e.Path is null)
            {
                throw e.WithPath(path);
            }
        }

        /// <summary>Reads <paramref name="path"/> without loading it into a network.</summary>
        public static WeightsCheckpointContents Read(string path)
        {
            try
            {
                return Decode(File.ReadAllBytes(path));
            }
            catch (CheckpointException e) when (e.Path is null)
            {
                throw e.WithPath(path);
            }
        }

        /// <summary>The file's bytes for the weights of <paramref name="network"/>.</summary>
        public static byte[] Encode(ILstmNetwork network)
        {
            ArgumentNullException.ThrowIfNull(network);
            var name = Encoding.UTF8.GetBytes(network.Name);
            if (name.Length == 0 || name.Length > MaxNameBytes)
            {
                throw new ArgumentException("A network's name must have 1 to 1024 UTF-8 bytes.", nameof(network));
            }

            var weights = new double[network.WeightCount];
            network.CopyWeightsTo(weights);
            var payload = new CheckpointWriter();
            payload.WriteBlob(name);
            payload.WriteInt32(weights.Length);
            payload.WriteByte((byte)PrecisionOf(network));
            payload.WriteBytes(SpecHash(network));
            payload.WriteDoubles(weights);
            return CheckpointContainer.Seal(Magic, FormatVersion, payload.WrittenSpan);
        }

        /// <summary>Checks and reads the bytes of a weights checkpoint.</summary>
        /// <exception cref="CheckpointException">They are not a whole, undamaged weights checkpoint of this version.</exception>
        public static WeightsCheckpointContents Decode(ReadOnlyMemory<byte> file)
        {
            var reader = new CheckpointReader(CheckpointContainer.Open(file, Magic, Kind, FormatVersion));
            var name = reader.ReadString();
            if (name.Length == 0 || Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
            {
                throw new CheckpointException("malformed checkpoint: the network name is empty or longer than 1024 bytes");
            }

            // What is left after the count, the precision tag and the spec hash bounds the count before anything is allocated.
            var count = reader.ReadCount("the weight count", Math.Max(0, reader.Remaining - 4 - 1 - CheckpointContainer.ChecksumLength) / sizeof(double));
            var precision = reader.ReadByte();
            if (precision > (byte)WeightPrecision.Float64)
            {
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture, $"malformed checkpoint: unknown precision tag {precision}"));
            }

            var hash = Convert.ToHexStringLower(reader.ReadBytes(CheckpointContainer.ChecksumLength));
            var weights = new double[count];
            reader.ReadDoubles(weights);
            reader.ExpectEnd();
            return new WeightsCheckpointContents(name, (WeightPrecision)precision, hash, weights);
        }

        /// <summary>
        /// Sets the weights of <paramref name="network"/> from <paramref name="contents"/>, after checking that they were
        /// written from the same network: same name, weight count and spec (SHA-256 of its text), and a precision the
        /// network holds without rounding (float weights load into a double network; double weights not into a float one).
        /// </summary>
        public static void Apply(ILstmNetwork network, WeightsCheckpointContents contents)
        {
            ArgumentNullException.ThrowIfNull(network);
            ArgumentNullException.ThrowIfNull(contents);
            if (!string.Equals(contents.NetworkName, network.Name, StringComparison.Ordinal) || contents.WeightCount != network.WeightCount)
            {
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                    $"checkpoint is for network {contents.NetworkName} ({contents.WeightCount} weights), not {network.Name} ({network.WeightCount} weights)"));
            }

            var hash = Convert.ToHexStringLower(SpecHash(network));
            if (!string.Equals(hash, contents.SpecSha256, StringComparison.Ordinal))
            {
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                    $"checkpoint is for network {contents.NetworkName} ({contents.WeightCount} weights) built from another spec: spec SHA-256 {contents.SpecSha256[..16]}… in the file, {hash[..16]}… of this network's spec (the spec changed since the checkpoint was written)"));
            }

            // A file that says "unknown" was written by a lane of this same spec (before lanes reported their spec's precision);
            // the spec hash, checked above, fixes the precision, so its weights load exactly.
            var precision = PrecisionOf(network);
            if (contents.Precision != WeightPrecision.Unknown && contents.Precision != precision
                && !(contents.Precision == WeightPrecision.Float32 && precision == WeightPrecision.Float64))
            {
                throw new CheckpointException(
                    $"checkpoint holds the {Describe(contents.Precision)} weights of {contents.NetworkName}, but this network computes in {Describe(precision)}: they would not load exactly");
            }

            network.SetWeights(contents.Weights);
        }

        /// <summary>SHA-256 of the network's spec text in UTF-8: two networks with the same hash were built from the same spec.</summary>
        public static byte[] SpecHash(ILstmNetwork network)
        {
            ArgumentNullException.ThrowIfNull(network);
            return SHA256.HashData(Encoding.UTF8.GetBytes(network.SpecText));
        }

        /// <summary>The precision of <paramref name="network"/>, from the weight type it exposes.</summary>
        public static WeightPrecision PrecisionOf(ILstmNetwork network) => network switch
        {
            ILstmNetwork<float> => WeightPrecision.Float32,
            ILstmNetwork<double> => WeightPrecision.Float64,

            // A network that exposes no weight type (a lane of a lane network, a wrapper) computes in its spec's precision.
            _ => network.Description.Precision == NumberPrecision.Float ? WeightPrecision.Float32 : WeightPrecision.Float64,
        };

        private static string Describe(WeightPrecision precision) => precision switch
        {
            WeightPrecision.Float32 => "float32",
            WeightPrecision.Float64 => "float64",
            _ => "an unknown precision",
        };
    }
}
