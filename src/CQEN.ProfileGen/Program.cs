using System.Text;
using CQEN.ProfileGen.Cli;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return await CliApp.RunAsync(args, CliEnvironment.FromProcess());
