using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace LstmGen.Experiments.Dispatch
{
    /// <summary>
    /// Replaces this process by another program with execv(3): the same process id, arguments, environment (plus one
    /// variable), standard input, output and error, working directory and signal disposition. So whatever waits for
    /// <c>lstmgen</c> (a shell, Slurm, a container runtime) gets the sibling's exit code, and its SIGINT or SIGTERM
    /// reaches the sibling, which stops between two sequences as <c>lstmgen</c> does: there is no parent to forward
    /// anything through.
    /// </summary>
    [SupportedOSPlatform("linux")]
    [SupportedOSPlatform("macos")]
    public static class ReExecution
    {
        /// <summary>
        /// Runs <paramref name="program"/> in place of this process with <paramref name="arguments"/> (argv[1..]) and
        /// <paramref name="variable"/> set to <paramref name="value"/>. Returns only when execv failed, with its errno.
        /// </summary>
        public static int Exec(string program, IReadOnlyList<string> arguments, string variable, string value)
        {
            var allocated = new List<IntPtr>();
            IntPtr Utf8(string text)
            {
                var pointer = Marshal.StringToCoTaskMemUTF8(text);
                allocated.Add(pointer);
                return pointer;
            }

            var name = Utf8(variable);
            try
            {
                // setenv changes the C library's environment, which execv passes on (.NET's own copy is not the one execv reads).
                if (setenv(name, Utf8(value), 1) != 0)
                {
                    return Marshal.GetLastPInvokeError();
                }

                var argv = new IntPtr[arguments.Count + 2];
                argv[0] = Utf8(program);
                for (var i = 0; i < arguments.Count; i++)
                {
                    argv[i + 1] = Utf8(arguments[i]);
                }

                argv[^1] = IntPtr.Zero;
                execv(argv[0], argv);
                var errno = Marshal.GetLastPInvokeError();
                unsetenv(name);
                return errno;
            }
            finally
            {
                allocated.ForEach(Marshal.FreeCoTaskMem);
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int execv(IntPtr path, IntPtr[] argv);

        [DllImport("libc", SetLastError = true)]
        private static extern int setenv(IntPtr name, IntPtr value, int overwrite);

        [DllImport("libc", SetLastError = true)]
        private static extern int unsetenv(IntPtr name);
    }
}
