using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace LstmGen.Runtime.Checkpoints
{
    /// <summary>
    /// Reads what a <see cref="CheckpointWriter"/> wrote. Reading past the end, or a length that cannot be right, is a
    /// <see cref="CheckpointException"/>: a payload that passed its checksum can still be of a layout this build does not
    /// expect.
    /// </summary>
    public sealed class CheckpointReader
    {
        private readonly ReadOnlyMemory<byte> _bytes;
        private int _position;

        public CheckpointReader(ReadOnlyMemory<byte> bytes)
        {
            _bytes = bytes;
        }

        /// <summary>Bytes not read yet.</summary>
        public int Remaining => _bytes.Length - _position;

        public byte ReadByte() => Take(1)[0];

        public bool ReadBoolean()
        {
            var value = ReadByte();
            return value switch
            {
                0 => false,
                1 => true,
                _ => throw Malformed(string.Create(CultureInfo.InvariantCulture, $"a flag byte is {value}, not 0 or 1")),
            };
        }

        public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

        public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

        public double ReadDouble() => BitConverter.Int64BitsToDouble(ReadInt64());

        public void ReadDoubles(Span<double> destination)
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = ReadDouble();
            }
        }

        /// <summary>A count written with <see cref="CheckpointWriter.WriteInt32"/> that must lie in [0, <paramref name="max"/>].</summary>
        public int ReadCount(string what, int max)
        {
            var count = ReadInt32();
            if (count < 0 || count > max)
            {
                throw Malformed(string.Create(CultureInfo.InvariantCulture, $"{what} is {count}, outside 0..{max}"));
            }

            return count;
        }

        public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

        public string ReadString()
        {
            var length = ReadUInt32();
            if (length > Remaining)
            {
                throw Malformed(string.Create(CultureInfo.InvariantCulture, $"a string of {length} bytes is longer than the {Remaining} bytes left"));
            }

            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Take((int)length));
            }
            catch (DecoderFallbackException e)
            {
                throw new CheckpointException("malformed checkpoint: a string is not valid UTF-8", e);
            }
        }

        public ReadOnlySpan<byte> ReadBlob()
        {
            var length = ReadUInt32();
            if (length > Remaining)
            {
                throw Malformed(string.Create(CultureInfo.InvariantCulture, $"a block of {length} bytes is longer than the {Remaining} bytes left"));
            }

            return Take((int)length);
        }

        /// <summary>Fails unless every byte was read.</summary>
        public void ExpectEnd()
        {
            if (Remaining != 0)
            {
                throw Malformed(string.Create(CultureInfo.InvariantCulture, $"{Remaining} bytes left over after the last field"));
            }
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || count > Remaining)
            {
                throw Malformed(string.Create(CultureInfo.InvariantCulture, $"a field of {count} bytes at offset {_position} runs past the end ({_bytes.Length} bytes)"));
            }

            var span = _bytes.Span.Slice(_position, count);
            _position += count;
            return span;
        }

        private static CheckpointException Malformed(string detail) =>
            new("malformed checkpoint: " + detail + " (written by a different build of LstmGen?)");
    }
}
