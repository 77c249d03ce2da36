using System.Text;
using CQEN.ProfileGen.Cli;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
// Ctrl-C cancels the run (pending GitHub calls stop, nothing half-written) instead of killing it.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};
return await CliApp.RunAsync(args, CliEnvironment.FromProcess(), ct: interrupted.Token).ConfigureAwait(false);
