using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LstmGen.Experiments.Describing
{
    /// <summary>
    /// JSON output without reflection (NativeAOT-safe): everything goes through <see cref="Utf8JsonWriter"/>, which
    /// writes doubles in their shortest round-trippable form ("R"), so a value read back is the same double.
    /// </summary>
    public static class JsonText
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Indented = true,

            // Keeps '+', '<', quotes and the paper's symbols readable; the output is a file, never embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>Runs <paramref name="write"/> on a fresh writer and returns the UTF-8 text it wrote.</summary>
        public static string Write(Action<Utf8JsonWriter> write)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, Options))
            {
                write(writer);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        /// <summary>Writes a finite number; JSON has no NaN or infinity.</summary>
        /// <exception cref="NonFiniteValueException"><paramref name="value"/> is NaN or infinite (the CLI reports a run failure).</exception>
        public static void Number(Utf8JsonWriter writer, double value)
        {
            if (!double.IsFinite(value))
            {
                throw new NonFiniteValueException(value);
            }

            writer.WriteNumberValue(value);
        }

        public static void Number(Utf8JsonWriter writer, string name, double value)
        {
            writer.WritePropertyName(name);
            Number(writer, value);
        }

        /// <summary>An array of strings.</summary>
        public static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
        {
            writer.WriteStartArray(name);
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        /// <summary>An array of finite numbers.</summary>
        public static void Numbers(Utf8JsonWriter writer, string name, ReadOnlySpan<double> values)
        {
            writer.WriteStartArray(name);
            foreach (var value in values)
            {
                Number(writer, value);
            }

            writer.WriteEndArray();
        }
    }
}
