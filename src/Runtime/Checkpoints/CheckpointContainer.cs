using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LstmGen.Runtime.Checkpoints
{
    /// <summary>
    /// The envelope every LstmGen checkpoint file shares (docs/checkpoints.md, "The envelope"): an 8-byte magic naming
    /// the kind of checkpoint, the format version, the payload's length, a SHA-256 of those 20 bytes, the payload, and a
    /// SHA-256 of everything before it.
    /// </summary>
    /// <remarks>
    /// The header's own checksum makes its length field trustworthy, so a short file is told apart from a corrupted one
    /// ("truncated: expected 874 bytes, got 500" rather than a checksum complaint) and a damaged length is not mistaken for
    /// a truncation.
    /// </remarks>
    public static class CheckpointContainer
    {
        /// <summary>Bytes of the magic.</summary>
        public const int MagicLength = 8;

        /// <summary>Bytes of a SHA-256 checksum.</summary>
        public const int ChecksumLength = 32;

        /// <summary>Magic, version and payload length: the bytes the header checksum covers.</summary>
        public const int HeaderFieldsLength = MagicLength + 4 + 8;

        /// <summary>The header: its fields and their checksum.</summary>
        public const int HeaderLength = HeaderFieldsLength + ChecksumLength;

        /// <summary>The bytes a file holds besides its payload.</summary>
        public const int Overhead = HeaderLength + ChecksumLength;

        /// <summary>The envelope around <paramref name="payload"/>: the whole file.</summary>
        public static byte[] Seal(ReadOnlySpan<byte> magic, uint version, ReadOnlySpan<byte> payload)
        {
            if (magic.Length != MagicLength)
            {
                throw new ArgumentException("A magic has exactly 8 bytes.", nameof(magic));
            }

            var file = new byte[Overhead + payload.Length];
            magic.CopyTo(file);
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(MagicLength), version);
            BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(MagicLength + 4), (ulong)payload.Length);
            SHA256.HashData(file.AsSpan(0, HeaderFieldsLength), file.AsSpan(HeaderFieldsLength, ChecksumLength));
            payload.CopyTo(file.AsSpan(HeaderLength));
            var end = HeaderLength + payload.Length;
            SHA256.HashData(file.AsSpan(0, end), file.AsSpan(end, ChecksumLength));
            return file;
        }

        /// <summary>
        /// Checks <paramref name="file"/> (magic, header checksum, version, length, file checksum) and returns its payload.
        /// </summary>
        /// <param name="file">The whole file.</param>
        /// <param name="magic">The magic of the kind expected.</param>
        /// <param name="kind">The kind in words, for messages: "an LstmGen weights checkpoint".</param>
        /// <param name="version">The format version this build reads.</param>
        /// <exception cref="CheckpointException">The file is not of that kind, damaged, short, or of another version.</exception>
        public static ReadOnlyMemory<byte> Open(ReadOnlyMemory<byte> file, ReadOnlySpan<byte> magic, string kind, uint version)
        {
            var bytes = file.Span;
            var start = bytes.Slice(0, Math.Min(MagicLength, bytes.Length));
            if (!start.SequenceEqual(magic.Slice(0, start.Length)))
            {
                throw new CheckpointException("not " + kind + ": the file does not start with \"" + Encoding.ASCII.GetString(magic) + "\"");
            }

            if (bytes.Length < HeaderLength)
            {
                // Too short to check the header; its length field, when present, still says how long the file should be.
                var expected = bytes.Length >= HeaderFieldsLength
                    ? string.Create(CultureInfo.InvariantCulture, $"{ExpectedLength(bytes)}")
                    : string.Create(CultureInfo.InvariantCulture, $"at least {HeaderLength}");
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture, $"truncated: expected {expected} bytes, got {bytes.Length}"));
            }

            Span<byte> hash = stackalloc byte[ChecksumLength];
            SHA256.HashData(bytes.Slice(0, HeaderFieldsLength), hash);
            if (!hash.SequenceEqual(bytes.Slice(HeaderFieldsLength, ChecksumLength)))
            {
                throw new CheckpointException("checksum mismatch: the file is corrupted (its header does not match its header checksum)");
            }

            var found = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(MagicLength));
            if (found != version)
            {
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                    $"unsupported format version {found}: this build of LstmGen reads version {version} of {kind}"));
            }

            var length = ExpectedLength(bytes);
            if ((ulong)bytes.Length < length)
            {
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture, $"truncated: expected {length} bytes, got {bytes.Length}"));
            }

            if ((ulong)bytes.Length > length)
            {
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                    $"the file is corrupted: expected {length} bytes, got {bytes.Length} (bytes after the checksum)"));
            }

            var end = bytes.Length - ChecksumLength;
            SHA256.HashData(bytes.Slice(0, end), hash);
            if (!hash.SequenceEqual(bytes.Slice(end)))
            {
                throw new CheckpointException("checksum mismatch: the file is corrupted");
            }

            return file.Slice(HeaderLength, end - HeaderLength);
        }

        private static ulong ExpectedLength(ReadOnlySpan<byte> bytes)
        {
            var payload = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(MagicLength + 4));
            return payload > ulong.MaxValue - Overhead ? ulong.MaxValue : payload + Overhead;
        }
    }
}
