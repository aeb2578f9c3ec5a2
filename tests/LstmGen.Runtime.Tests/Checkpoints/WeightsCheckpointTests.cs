using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using LstmGen.Reference;
using LstmGen.Runtime.Checkpoints;
using LstmGen.Runtime.Tests.Networks;
using Xunit;
using static LstmGen.Runtime.Tests.Checkpoints.CheckpointFiles;

namespace LstmGen.Runtime.Tests.Checkpoints
{
    /// <summary>The weights checkpoint format of docs/checkpoints.md: layout, round trips, and every way a load must fail.</summary>
    public sealed class WeightsCheckpointTests
    {
        [Fact]
        public void A_saved_network_loads_back_bit_for_bit_into_a_fresh_instance()
        {
            using var directory = new TemporaryDirectory();
            var path = directory.File("exp4.ckpt");
            var saved = Paper("Exp4Adding", 11);
            WeightsCheckpoint.Save(saved, path);

            var loaded = Paper("Exp4Adding", 12);
            Assert.NotEqual(Weights(saved), Weights(loaded));
            WeightsCheckpoint.Load(loaded, path);
            AssertSameBits(Weights(saved), Weights(loaded));
            Assert.Equal(new[] { Path.GetFileName(path) }, Directory.GetFiles(directory.Path).Select(Path.GetFileName));
        }

        [Fact]
        public void The_file_has_the_documented_layout()
        {
            var network = Paper("Exp4Adding", 3);
            var file = WeightsCheckpoint.Encode(network);
            var name = "Exp4Adding"u8.ToArray();
            var payload = 4 + name.Length + 4 + 1 + 32 + (93 * 8);
            Assert.Equal(52 + payload + 32, file.Length);

            Assert.Equal("LSTMGENW"u8.ToArray(), file[..8]);
            Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(8)));
            Assert.Equal((ulong)payload, BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(12)));
            Assert.Equal(SHA256.HashData(file.AsSpan(0, 20)), file[20..52]);

            var p = 52;
            Assert.Equal((uint)name.Length, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(p)));
            Assert.Equal(name, file[(p + 4)..(p + 4 + name.Length)]);
            p += 4 + name.Length;
            Assert.Equal(93, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(p)));
            Assert.Equal((byte)WeightPrecision.Float64, file[p + 4]);
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(network.SpecText)), file[(p + 5)..(p + 37)]);
            p += 37;
            var weights = Weights(network);
            for (var i = 0; i < weights.Length; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(weights[i]), BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(p + (8 * i))));
            }

            Assert.Equal(SHA256.HashData(file.AsSpan(0, file.Length - 32)), file[^32..]);

            var contents = WeightsCheckpoint.Decode(file);
            Assert.Equal("Exp4Adding", contents.NetworkName);
            Assert.Equal(93, contents.WeightCount);
            Assert.Equal(WeightPrecision.Float64, contents.Precision);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(network.SpecText))), contents.SpecSha256);
        }

        [Fact]
        public void The_compiled_network_and_the_reference_interpreter_of_one_spec_share_checkpoints()
        {
            using var directory = new TemporaryDirectory();
            var path = directory.File("w.ckpt");
            var compiled = Paper("Exp6aTemporalOrder", 5);
            WeightsCheckpoint.Save(compiled, path);
            var reference = ReferenceNetwork.FromYaml(compiled.SpecFileName, compiled.SpecText);
            WeightsCheckpoint.Load(reference, path);
            AssertSameBits(Weights(compiled), Weights(reference));
        }

        [Fact]
        public void Float_weights_round_trip_exactly_and_do_not_narrow_from_double()
        {
            using var directory = new TemporaryDirectory();
            var path = directory.File("f.ckpt");
            var spec = "name: FloatNet\n";
            var saved = new FloatTestNetwork("FloatNet", 17, spec);
            saved.InitializeWeights(9);
            WeightsCheckpoint.Save(saved, path);
            Assert.Equal(WeightPrecision.Float32, WeightsCheckpoint.Read(path).Precision);

            var loaded = new FloatTestNetwork("FloatNet", 17, spec);
            WeightsCheckpoint.Load(loaded, path);
            Assert.Equal(saved.Weights.ToArray(), loaded.Weights.ToArray());

            // A double checkpoint of "the same" network would round into a float one: refused.
            var file = WeightsCheckpoint.Encode(saved);
            var doubled = WeightsCheckpoint.Decode(file) with { Precision = WeightPrecision.Float64 };
            var error = Assert.Throws<CheckpointException>(() => WeightsCheckpoint.Apply(loaded, doubled));
            Assert.Equal("checkpoint holds the float64 weights of FloatNet, but this network computes in float32: they would not load exactly", error.Message);
        }

        /// <summary>
        /// A lane of a lane network records its spec's precision, so a trial's weights move between the lane path and the
        /// scalar path at any checkpoint, both ways; a file of a lane view that recorded tag 0 ("unknown", LstmGen 0.5.0)
        /// still loads into a network of the same spec.
        /// </summary>
        [Fact]
        public void Lane_and_scalar_networks_of_one_spec_share_checkpoints_both_ways()
        {
            using var directory = new TemporaryDirectory();
            var compiled = PaperNetworks.Find("Exp4Adding")!;
            Assert.NotNull(compiled.CreateLanes);
            var lanes = global::LstmGen.Runtime.LaneNetworks.Create(compiled, 4);
            var scalar = Paper("Exp4Adding", 21);
            var lane = new LaneView(lanes, 2, scalar);
            lane.InitializeWeights(22);

            var fromLane = directory.File("lane.ckpt");
            WeightsCheckpoint.Save(lane, fromLane);
            Assert.Equal(WeightPrecision.Float64, WeightsCheckpoint.Read(fromLane).Precision);
            WeightsCheckpoint.Load(scalar, fromLane);
            AssertSameBits(Weights(lane), Weights(scalar));

            var fromScalar = directory.File("scalar.ckpt");
            WeightsCheckpoint.Save(Paper("Exp4Adding", 23), fromScalar);
            WeightsCheckpoint.Load(lane, fromScalar);
            AssertSameBits(Weights(Paper("Exp4Adding", 23)), Weights(lane));

            // The tag byte follows the name and the weight count; the file's checksum is resealed after the change.
            var old = WeightsCheckpoint.Encode(lane);
            old[52 + 4 + "Exp4Adding".Length + 4] = (byte)WeightPrecision.Unknown;
            SHA256.HashData(old.AsSpan(0, old.Length - 32)).CopyTo(old.AsSpan(old.Length - 32));
            var unknown = directory.File("unknown.ckpt");
            File.WriteAllBytes(unknown, old);
            Assert.Equal(WeightPrecision.Unknown, WeightsCheckpoint.Read(unknown).Precision);
            var fresh = Paper("Exp4Adding", 24);
            WeightsCheckpoint.Load(fresh, unknown);
            AssertSameBits(Weights(lane), Weights(fresh));
        }

        [Fact]
        public void Loading_into_another_network_names_both()
        {
            using var directory = new TemporaryDirectory();
            var path = directory.File("exp4.ckpt");
            WeightsCheckpoint.Save(Paper("Exp4Adding", 1), path);
            var other = Paper("Exp6aTemporalOrder", 1);
            var error = LoadFails(other, path);
            Assert.Equal(
                $"checkpoint is for network Exp4Adding (93 weights), not Exp6aTemporalOrder ({other.WeightCount} weights)",
                error.Reason);
        }

        [Fact]
        public void Loading_into_a_network_of_the_same_name_and_size_but_another_spec_fails()
        {
            using var directory = new TemporaryDirectory();
            var path = directory.File("exp4.ckpt");
            var compiled = Paper("Exp4Adding", 1);
            WeightsCheckpoint.Save(compiled, path);

            // Same name, same weight count, a different learning rate: another spec.
            var edited = compiled.SpecText.Replace("learningRate: 0.5", "learningRate: 0.25", StringComparison.Ordinal);
            Assert.NotEqual(compiled.SpecText, edited);
            var changed = ReferenceNetwork.FromYaml(compiled.SpecFileName, edited);
            Assert.Equal(93, changed.WeightCount);
            var error = LoadFails(changed, path);
            Assert.StartsWith("checkpoint is for network Exp4Adding (93 weights) built from another spec: spec SHA-256 ", error.Reason, StringComparison.Ordinal);
            Assert.EndsWith("(the spec changed since the checkpoint was written)", error.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void Flipping_any_byte_of_the_file_makes_loading_fail_as_corrupted()
        {
            using var directory = new TemporaryDirectory();
            var path = directory.File("tiny.ckpt");
            var network = new TinyNetwork();
            network.InitializeWeights(4);
            var good = WeightsCheckpoint.Encode(network);
            var target = new TinyNetwork();
            target.InitializeWeights(5);
            for (var position = 0; position < good.Length; position++)
            {
                foreach (var flip in new byte[] { 0x01, 0x80, 0xFF })
                {
                    var bad = (byte[])good.Clone();
                    bad[position] ^= flip;
                    File.WriteAllBytes(path, bad);
                    var error = LoadFails(target, path);
                    var expected = position < 8
                        ? "not an LstmGen weights checkpoint: the file does not start with \"LSTMGENW\""
                        : position < 52
                            ? "checksum mismatch: the file is corrupted (its header does not match its header checksum)"
                            : "checksum mismatch: the file is corrupted";
                    Assert.Equal(expected, error.Reason);
                }
            }
        }

        [Fact]
        public void A_truncated_file_fails_at_every_length_saying_how_long_it_should_be()
        {
            using var directory = new TemporaryDirectory();
            var path = directory.File("tiny.ckpt");
            var network = new TinyNetwork();
            network.InitializeWeights(4);
            var good = WeightsCheckpoint.Encode(network);
            var target = new TinyNetwork();
            for (var length = 0; length < good.Length; length++)
            {
                File.WriteAllBytes(path, good[..length]);
                var error = LoadFails(target, path);
                var expected = length < 20 ? "at least 52" : good.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal($"truncated: expected {expected} bytes, got {length}", error.Reason);
            }
        }

        [Fact]
        public void Bytes_after_the_checksum_are_corruption()
        {
            using var directory = new TemporaryDirectory();
            var path = directory.File("tiny.ckpt");
            var network = new TinyNetwork();
            var good = WeightsCheckpoint.Encode(network);
            File.WriteAllBytes(path, [.. good, 0]);
            Assert.Equal(
                $"the file is corrupted: expected {good.Length} bytes, got {good.Length + 1} (bytes after the checksum)",
                LoadFails(network, path).Reason);
        }

        [Fact]
        public void Another_format_version_is_refused_by_number()
        {
            var network = new TinyNetwork();
            var good = WeightsCheckpoint.Encode(network);
            var payload = good.AsSpan(52, good.Length - 84);
            var future = CheckpointContainer.Seal(WeightsCheckpoint.Magic, 2, payload);
            var error = Assert.Throws<CheckpointException>(() => WeightsCheckpoint.Decode(future));
            Assert.Equal("unsupported format version 2: this build of LstmGen reads version 1 of an LstmGen weights checkpoint", error.Message);
        }

        [Fact]
        public void Some_other_file_is_not_taken_for_a_checkpoint()
        {
            var error = Assert.Throws<CheckpointException>(() => WeightsCheckpoint.Decode("{\"row\":\"6a\"}\n"u8.ToArray()));
            Assert.StartsWith("not an LstmGen weights checkpoint", error.Message, StringComparison.Ordinal);
            var training = CheckpointContainer.Seal("LSTMGENT"u8, 1, [1, 2, 3]);
            Assert.Throws<CheckpointException>(() => WeightsCheckpoint.Decode(training));
        }
    }
}
