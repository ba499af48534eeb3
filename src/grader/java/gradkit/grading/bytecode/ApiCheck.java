package gradkit.grading.bytecode;

/**
 * Judges one use of the JDK's or the library's API: the rules that refuse single members come first
 * (System.exit is refused although System.out is allowed), then the allow-list, then the family of the
 * whole class; what no rule names is {@link Family#OTHER}.
 *
 * <pre>{@code
 * ApiCheck.member("java/io/FileInputStream", "<init>", "(Ljava/lang/String;)V")  // FILES
 * ApiCheck.member("java/lang/Math", "exp", "(D)D")                                // null: allowed
 * }</pre>
 */
final class ApiCheck {
    private ApiCheck() {
    }

    /** The family that refuses calling or reading {@code member} of {@code owner}, or null when it is allowed. */
    static Family member(String owner, String member, String descriptor) {
        Family named = RefusedApi.familyOfMember(owner, member, descriptor);
        if (named != null) {
            return named;
        }
        return AllowedApi.allows(owner, member) ? null : classFamily(owner);
    }

    /** The family that refuses using {@code owner} as a whole (extending it, its class literal), or null. */
    static Family type(String owner) {
        return AllowedApi.allowsClass(owner) ? null : classFamily(owner);
    }

    private static Family classFamily(String owner) {
        Family f = RefusedApi.familyOfClass(owner);
        return f == null ? Family.OTHER : f;
    }
}
