package gradkit.grading;

/**
 * The JDK's SecurityManager (which asks {@link StudentPolicy}), made strict about threads: the JDK's
 * own only guards the root thread group, so student code could otherwise interrupt the runner's
 * threads or start threads outside the group the runner watches and counts.
 *
 * <pre>{@code
 * System.setSecurityManager(new StudentSecurityManager(studentThreads));
 * }</pre>
 */
@SuppressWarnings("removal")   // the SecurityManager API: Java 17 to 23
final class StudentSecurityManager extends SecurityManager {
    private static final RuntimePermission MODIFY_THREAD = new RuntimePermission("modifyThread");
    private static final RuntimePermission MODIFY_THREAD_GROUP = new RuntimePermission("modifyThreadGroup");

    /** The group every test thread (and so every thread student code starts) belongs to. */
    private final ThreadGroup studentThreads;

    StudentSecurityManager(ThreadGroup studentThreads) {
        this.studentThreads = studentThreads;
    }

    @Override
    public void checkAccess(Thread t) {
        ThreadGroup group = t.getThreadGroup();   // null once the thread has ended
        if (group == null || !studentThreads.parentOf(group)) {
            checkPermission(MODIFY_THREAD);
        }
        super.checkAccess(t);
    }

    @Override
    public void checkAccess(ThreadGroup g) {
        if (!studentThreads.parentOf(g)) {
            checkPermission(MODIFY_THREAD_GROUP);
        }
        super.checkAccess(g);
    }
}
