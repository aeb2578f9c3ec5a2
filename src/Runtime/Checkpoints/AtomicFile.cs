using System;
using System.IO;
using System.Security.Cryptography;

namespace LstmGen.Runtime.Checkpoints
{
    /// <summary>
    /// Replaces a file all at once: the new content goes to a temporary file in the same directory, is flushed to the
    /// disk, and is then renamed over the target. A rename within one file system is atomic, so a crash at any moment
    /// leaves either the previous file or the new one, never a mixture or a partial file.
    /// </summary>
    /// <remarks>
    /// Temporary files are named <c>.{file name}.{random}.tmp</c>: hidden, with another extension than any checkpoint,
    /// so nothing that opens checkpoints by name can take a leftover for one. A crash between creating and renaming the
    /// temporary file leaves it behind; <see cref="DeleteTemporaries"/> removes those of one target.
    /// </remarks>
    public static class AtomicFile
    {
        /// <summary>The extension of temporary files.</summary>
        public const string TemporaryExtension = ".tmp";

        /// <summary>Atomically replaces (or creates) <paramref name="path"/> with <paramref name="content"/>.</summary>
        public static void WriteAllBytes(string path, ReadOnlySpan<byte> content) => WriteAllBytes(path, content, interpose: null);

        /// <summary>
        /// As <see cref="WriteAllBytes(string, ReadOnlySpan{byte})"/>, writing the content through the stream that
        /// <paramref name="interpose"/> makes of the temporary file's stream (a seam for tests that fail writes part-way,
        /// as a crash would). The temporary file is flushed to disk through its own stream either way.
        /// </summary>
        public static void WriteAllBytes(string path, ReadOnlySpan<byte> content, Func<Stream, Stream>? interpose)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            var full = System.IO.Path.GetFullPath(path);
            var directory = System.IO.Path.GetDirectoryName(full) ?? throw new ArgumentException("The path has no directory: " + path, nameof(path));
            Directory.CreateDirectory(directory);
            var temporary = System.IO.Path.Combine(directory, TemporaryPrefix(full) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + TemporaryExtension);
            try
            {
                using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
                {
                    var target = interpose?.Invoke(file) ?? file;
                    target.Write(content);
                    target.Flush();

                    // The data must be on the disk before the rename makes it the file: otherwise a power cut could leave
                    // the new name pointing at blocks never written.
                    file.Flush(flushToDisk: true);
                }

                File.Move(temporary, full, overwrite: true);
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
        }

        /// <summary>Whether <paramref name="path"/> names a temporary file of <see cref="WriteAllBytes(string, ReadOnlySpan{byte})"/>.</summary>
        public static bool IsTemporary(string path)
        {
            var name = System.IO.Path.GetFileName(path);
            return name.StartsWith('.') && name.EndsWith(TemporaryExtension, StringComparison.Ordinal);
        }

        /// <summary>
        /// Deletes the temporary files a crash left behind while replacing <paramref name="path"/>. Call it only where
        /// nothing else is writing that file at the same time.
        /// </summary>
        /// <returns>The number of files deleted.</returns>
        public static int DeleteTemporaries(string path)
        {
            var full = System.IO.Path.GetFullPath(path);
            var directory = System.IO.Path.GetDirectoryName(full);
            if (directory is null || !Directory.Exists(directory))
            {
                return 0;
            }

            var deleted = 0;
            foreach (var leftover in Directory.EnumerateFiles(directory, TemporaryPrefix(full) + "*" + TemporaryExtension))
            {
                if (TryDelete(leftover))
                {
                    deleted++;
                }
            }

            return deleted;
        }

        private static string TemporaryPrefix(string fullPath) => "." + System.IO.Path.GetFileName(fullPath) + ".";

        private static bool TryDelete(string path)
        {
            try
            {
                File.Delete(path);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
