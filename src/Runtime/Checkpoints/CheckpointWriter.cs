using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace LstmGen.Runtime.Checkpoints
{
    /// <summary>
    /// Builds a checkpoint's payload: little-endian integers, IEEE-754 doubles by their bits (so every value, NaN
    /// payloads included, comes back identical), and length-prefixed UTF-8 strings. See docs/checkpoints.md.
    /// </summary>
    public sealed class CheckpointWriter
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(256);

        /// <summary>Bytes written so far.</summary>
        public int Length => _buffer.WrittenCount;

        /// <summary>The bytes written so far.</summary>
        public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

        public void WriteByte(byte value)
        {
            _buffer.GetSpan(1)[0] = value;
            _buffer.Advance(1);
        }

        public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

        public void WriteInt32(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value);
            _buffer.Advance(4);
        }

        public void WriteUInt32(uint value)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
            _buffer.Advance(4);
        }

        public void WriteInt64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
            _buffer.Advance(8);
        }

        public void WriteUInt64(ulong value)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value);
            _buffer.Advance(8);
        }

        public void WriteDouble(double value) => WriteInt64(BitConverter.DoubleToInt64Bits(value));

        /// <summary>The values only; the reader must know how many (write the count first when it varies).</summary>
        public void WriteDoubles(ReadOnlySpan<double> values)
        {
            foreach (var value in values)
            {
                WriteDouble(value);
            }
        }

        public void WriteBytes(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_buffer.GetSpan(bytes.Length));
            _buffer.Advance(bytes.Length);
        }

        /// <summary>A u32 byte count, then the UTF-8 bytes.</summary>
        public void WriteString(string value)
        {
            ArgumentNullException.ThrowIfNull(value);
            var bytes = Encoding.UTF8.GetBytes(value);
            WriteUInt32((uint)bytes.Length);
            WriteBytes(bytes);
        }

        /// <summary>A u32 byte count, then the bytes.</summary>
        public void WriteBlob(ReadOnlySpan<byte> bytes)
        {
            WriteUInt32((uint)bytes.Length);
            WriteBytes(bytes);
        }

        public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
    }
}
