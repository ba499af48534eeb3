package gradkit.kit;

import java.util.Locale;

/**
 * The operating system the kit runs on, as far as installing things and naming files differ.
 *
 * <pre>{@code
 * Os os = Os.current();          // LINUX, MACOS or WINDOWS
 * String java = os.executable("java");   // "java.exe" on Windows, else "java"
 * }</pre>
 */
public enum Os {
    LINUX, MACOS, WINDOWS;

    /** The system this JVM runs on, from {@code os.name}; BSDs and others count as Linux. */
    public static Os current() {
        return of(System.getProperty("os.name", ""));
    }

    /** The system an {@code os.name} value names ("Mac OS X", "Windows 11", "Linux"). */
    public static Os of(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        return LINUX;
    }

    /** A program's file name here: {@code NAME.exe} on Windows, {@code NAME} elsewhere. */
    public String executable(String name) {
        return this == WINDOWS ? name + ".exe" : name;
    }
}
