package gradkit.grading;

import java.security.AllPermission;
import java.security.CodeSource;
import java.security.Permission;
import java.security.PermissionCollection;
import java.security.Permissions;
import java.security.Policy;
import java.security.ProtectionDomain;
import java.util.PropertyPermission;

/**
 * The test JVM's security policy: the JDK, the library, JUnit, the grader and the grading tests may do
 * anything; the student's classes (an untrusted {@link SandboxLoader}) may only read system properties. Since a permission check looks at every frame on the stack, whatever student
 * code calls into (the library, the JDK) is held to the same rule: no file read or write (so no
 * /proc/self/fd, no solutions, no class folders), no process, no exit, no native library, no property
 * or locale change, no reflection past access checks, no new class loader, no System.setOut.
 *
 * <pre>{@code
 * Policy.setPolicy(new StudentPolicy());
 * System.setSecurityManager(new StudentSecurityManager(studentThreads));
 * }</pre>
 */
@SuppressWarnings("removal")   // the SecurityManager API: Java 17 to 23 (see README, "what depends on the machine")
final class StudentPolicy extends Policy {
    private static final PermissionCollection STUDENT = studentPermissions();

    private static PermissionCollection studentPermissions() {
        Permissions p = new Permissions();
        p.add(new PropertyPermission("*", "read"));
        p.setReadOnly();
        return p;
    }

    static boolean untrusted(ProtectionDomain domain) {
        return domain != null && domain.getClassLoader() instanceof SandboxLoader loader && loader.untrusted();
    }

    @Override
    public boolean implies(ProtectionDomain domain, Permission permission) {
        return untrusted(domain) ? STUDENT.implies(permission) : true;
    }

    @Override
    public PermissionCollection getPermissions(ProtectionDomain domain) {
        if (untrusted(domain)) {
            return STUDENT;
        }
        Permissions all = new Permissions();
        all.add(new AllPermission());
        return all;
    }

    @Override
    public PermissionCollection getPermissions(CodeSource source) {
        Permissions all = new Permissions();
        all.add(new AllPermission());
        return all;
    }
}
