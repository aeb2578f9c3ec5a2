using System;
using System.IO;
using System.Linq;
using LstmGen.Runtime.Checkpoints;
using Xunit;
using static LstmGen.Runtime.Tests.Checkpoints.CheckpointFiles;

namespace LstmGen.Runtime.Tests.Checkpoints
{
    /// <summary>
    /// A write that stops at any moment leaves the previous checkpoint whole: simulated here at every byte of a write
    /// (the temporary file's stream fails there, as a crash would stop it), and for real in <see cref="KilledWriterTests"/>.
    /// </summary>
    public sealed class AtomicWriteTests
    {
        [Fact]
        public void A_write_stopped_at_any_byte_leaves_the_previous_checkpoint_loadable_and_unchanged()
        {
            using var directory = new TemporaryDirectory();
            var path = directory.File("exp4.ckpt");
            var previous = Paper("Exp4Adding", 1);
            WeightsCheckpoint.Save(previous, path);
            var previousBytes = File.ReadAllBytes(path);
            var next = WeightsCheckpoint.Encode(Paper("Exp4Adding", 2));

            for (var stopAt = 0; stopAt <= next.Length; stopAt++)
            {
                // stopAt == next.Length: every byte written, the stop comes at the flush before the rename.
                var limit = stopAt;
                Assert.Throws<IOException>(() => AtomicFile.WriteAllBytes(path, next, file => new StoppingStream(file, limit)));
                Assert.Equal(previousBytes, File.ReadAllBytes(path));
                var loaded = Paper("Exp4Adding", 3);
                WeightsCheckpoint.Load(loaded, path);
                AssertSameBits(Weights(previous), Weights(loaded));
                Assert.Equal(new[] { "exp4.ckpt" }, Directory.GetFiles(directory.Path).Select(Path.GetFileName));
            }

            // And a write that completes replaces it.
            AtomicFile.WriteAllBytes(path, next);
            Assert.Equal(next, File.ReadAllBytes(path));
        }

        [Fact]
        public void Leftover_temporary_files_are_never_taken_for_the_checkpoint_and_can_be_cleared()
        {
            using var directory = new TemporaryDirectory();
            var path = directory.File("6a-0.ckpt");
            var network = Paper("Exp6aTemporalOrder", 1);
            WeightsCheckpoint.Save(network, path);

            // What a crash between creating and renaming leaves: a hidden, partial file of another extension.
            var partial = WeightsCheckpoint.Encode(Paper("Exp6aTemporalOrder", 2))[..100];
            var leftover = directory.File(".6a-0.ckpt.0123456789abcdef.tmp");
            var otherTargets = directory.File(".6a-1.ckpt.0123456789abcdef.tmp");
            File.WriteAllBytes(leftover, partial);
            File.WriteAllBytes(otherTargets, partial);

            Assert.True(AtomicFile.IsTemporary(leftover));
            Assert.False(AtomicFile.IsTemporary(path));
            var loaded = Paper("Exp6aTemporalOrder", 3);
            WeightsCheckpoint.Load(loaded, path);
            AssertSameBits(Weights(network), Weights(loaded));

            Assert.Equal(1, AtomicFile.DeleteTemporaries(path));
            Assert.False(File.Exists(leftover));
            Assert.True(File.Exists(otherTargets));
            Assert.True(File.Exists(path));
        }

        [Fact]
        public void Saving_creates_the_directory_and_overwrites_an_older_checkpoint()
        {
            using var directory = new TemporaryDirectory();
            var path = Path.Combine(directory.Path, "deeper", "still", "w.ckpt");
            WeightsCheckpoint.Save(Paper("Exp4Adding", 1), path);
            var second = Paper("Exp4Adding", 2);
            WeightsCheckpoint.Save(second, path);
            var loaded = Paper("Exp4Adding", 3);
            WeightsCheckpoint.Load(loaded, path);
            AssertSameBits(Weights(second), Weights(loaded));
        }

        /// <summary>Passes writes through until <c>limit</c> bytes, then fails like a process that stopped there.</summary>
        private sealed class StoppingStream : Stream
        {
            private readonly Stream _inner;
            private readonly int _limit;
            private int _written;

            public StoppingStream(Stream inner, int limit)
            {
                _inner = inner;
                _limit = limit;
            }

            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => _inner.Length;

            public override long Position
            {
                get => _inner.Position;
                set => throw new NotSupportedException();
            }

            public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

            public override void Write(ReadOnlySpan<byte> buffer)
            {
                var allowed = Math.Min(buffer.Length, _limit - _written);
                _inner.Write(buffer[..allowed]);
                _inner.Flush();
                _written += allowed;
                if (allowed < buffer.Length)
                {
                    throw new IOException($"stopped after {_written} bytes");
                }
            }

            public override void Flush()
            {
                if (_written >= _limit)
                {
                    throw new IOException($"stopped at the flush after {_written} bytes");
                }
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
