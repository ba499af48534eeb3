package gradkit.grading;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.PermissionCollection;
import java.security.Permissions;

/**
 * The class loader of untrusted classes in the test JVM: the student's compiled file, or the grading
 * test compiled against it. Its classes get no permissions of their own ({@link StudentPolicy} gives
 * every class of a SandboxLoader the same small set), not even the right to read their own folder,
 * which a plain URLClassLoader grants.
 *
 * <pre>{@code
 * SandboxLoader student = new SandboxLoader(Path.of("work/ex01/student"), TestRunner.class.getClassLoader());
 * SandboxLoader tests = new SandboxLoader(Path.of("work/ex01/tests"), student);
 * }</pre>
 */
final class SandboxLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    SandboxLoader(Path classes, ClassLoader parent) {
        super(new URL[] {url(classes)}, parent);
    }

    private static URL url(Path classes) {
        try {
            return classes.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("Not a folder of classes: " + classes, e);
        }
    }

    @Override
    protected PermissionCollection getPermissions(CodeSource source) {
        return new Permissions();
    }
}
