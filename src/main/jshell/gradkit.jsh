// Start-up script of `./kit jshell`, loaded after JShell's own default imports
// (java.util.*, java.util.function.*, java.util.stream.*, java.nio.file.*, java.io.*, java.math.*, ...).
// With it, this works at the first prompt:
//   var a = Value.of(2.0); var b = a.mul(a).add(1); b.backward(); a.grad()
import gradkit.engine.*;
import gradkit.nn.*;
import gradkit.check.*;
import gradkit.data.*;
import gradkit.viz.*;
import gradkit.io.*;
import gradkit.gpt.*;
import java.util.function.*;
// java.lang.Module would make a plain `Module` ambiguous; in this shell it means the network's.
import gradkit.nn.Module;
