namespace CQEN.ProfileGen;

/// <summary>
/// Bad input from the user (a file, an option, a template): the message is one line that
/// names the file, line and column or the option at fault, and the run writes nothing.
/// </summary>
internal class InputException(string message) : Exception(message);
