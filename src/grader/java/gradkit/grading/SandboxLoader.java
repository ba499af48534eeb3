package gradkit.grading;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.PermissionCollection;
import java.security.Permissions;

/**
 * A class loader of one exercise's classes in the test JVM: the student's compiled file (untrusted),
 * or the grading test compiled against it (ours). Its classes get no permissions of their own, not even
 * the right to read their own folder, which a plain URLClassLoader grants; {@link StudentPolicy} decides
 * by {@link #untrusted()}. Student code is on the stack whenever it runs (its methods, its lambdas, its
 * threads' inherited context), so a grading test's rights never reach it.
 *
 * <pre>{@code
 * SandboxLoader student = new SandboxLoader("gradkit-test-0-student", Path.of("work/ex01/student"),
 *         TestRunner.class.getClassLoader(), true);
 * SandboxLoader tests = new SandboxLoader("gradkit-test-0-tests", Path.of("work/ex01/tests"), student, false);
 * }</pre>
 */
final class SandboxLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final boolean untrusted;

    /** @param name what stack traces show as the loader's name ({@link Leftovers#loaderName}) */
    SandboxLoader(String name, Path classes, ClassLoader parent, boolean untrusted) {
        super(name, new URL[] {url(classes)}, parent);
        this.untrusted = untrusted;
    }

    /** True for the student's classes. */
    boolean untrusted() {
        return untrusted;
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
