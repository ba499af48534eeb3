package gradkit.grading.bytecode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads one student class with ASM and writes down every refused use of API ({@link Refusal}): its
 * package and name, its superclass and interfaces, native methods and finalize(), and in its code every
 * instruction that names a member (calls, field reads and writes), every invokedynamic's bootstrap
 * method and arguments (a method reference {@code System::exit} is a handle among them), and class
 * literals and constant handles. Casts, instanceof and new arrays name only types and are harmless. In a
 * file of the student's own tests (exercise 12) {@link TestsApi}'s rules apply on top, annotations included.
 *
 * <pre>{@code
 * ClassScanner scanner = new ClassScanner(own, "Ex02ChainRuleByHand.java", Set.of("Oracle"));
 * new ClassReader(bytes).accept(scanner, 0);
 * List<Refusal> found = scanner.refusals();
 * }</pre>
 */
final class ClassScanner extends ClassVisitor {
    /** The one package student classes live in. */
    static final String PACKAGE = "gradkit/exercises/";

    private final StudentClasses own;
    private final String file;
    private final Set<String> reservedNames;
    /** True for a student's own tests (exercise 12): {@link TestsApi}'s rules apply on top. */
    private final boolean tests;
    /** Found so far, each "line what" once. */
    private final Map<String, Refusal> found = new LinkedHashMap<>();
    private String className = "";

    /**
     * @param own           every class compiled from the student's file
     * @param file          the student's file name, for the messages
     * @param reservedNames simple names of the grading tests' classes ("Ex02ChainRuleByHandTest", "Oracle")
     * @param tests         true when the file holds the student's own tests (exercise 12, {@link TestsApi})
     */
    ClassScanner(StudentClasses own, String file, Set<String> reservedNames, boolean tests) {
        super(Opcodes.ASM9);
        this.own = own;
        this.file = file;
        this.reservedNames = reservedNames;
        this.tests = tests;
    }

    /** What this scanner refused, in the order met. */
    List<Refusal> refusals() {
        return List.copyOf(found.values());
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        className = name;
        String simple = name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : "";
        if (simple.isEmpty() || simple.contains("/")) {
            refuse(0, "declares class " + dotted(name) + " outside package gradkit.exercises", Family.PACKAGE);
        } else if (reservedNames.stream().anyMatch(r -> simple.equals(r) || simple.startsWith(r + "$"))) {
            refuse(0, "declares class " + dotted(name) + ", a name the grading tests use", Family.PACKAGE);
        }
        for (String type : own.supertypes(name)) {
            if (!own.contains(type)) {
                Family f = typeFamily(type);
                if (f != null) {
                    String relation = type.equals(own.supertypes(name).get(0)) ? "extends " : "implements ";
                    refuse(0, "declares class " + dotted(name) + ", which " + relation + dotted(type), f);
                }
            }
        }
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        String method = dotted(className) + "." + name;
        if ((access & Opcodes.ACC_NATIVE) != 0) {
            refuse(0, "declares the native method " + method, Family.NATIVE);
        }
        if (name.equals("finalize") && descriptor.equals("()V") && (access & Opcodes.ACC_STATIC) == 0) {
            refuse(0, "declares " + method + "()", Family.FINALIZER);
        }
        return new CodeScanner();
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        annotation(descriptor);
        return null;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        return new FieldVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                annotation(annotation);
                return null;
            }
        };
    }

    /** In a student's own tests, an annotation outside {@link TestsApi}'s few is refused. */
    private void annotation(String descriptor) {
        if (tests && !TestsApi.allowsAnnotation(descriptor)) {
            String type = Type.getType(descriptor).getInternalName();
            refuse(0, "uses the annotation @" + dotted(type), Family.TEST_EXTRAS);
        }
    }

    /** The checks of one method's code; it keeps the line the instructions come from. */
    private final class CodeScanner extends MethodVisitor {
        private int line;

        CodeScanner() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visitLineNumber(int lineNumber, Label start) {
            line = lineNumber;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            annotation(descriptor);
            return null;
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            annotation(descriptor);
            return null;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            member(line, "calls ", owner, name, descriptor, name + descriptor);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            member(line, "uses ", owner, name, descriptor, name + ":" + descriptor);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (!AllowedApi.allowsBootstrap(bootstrap.getOwner(), bootstrap.getName())) {
                refuse(line, "uses the bootstrap method " + dotted(bootstrap.getOwner()) + "." + bootstrap.getName(),
                        Family.REFLECTION);
            }
            for (Object argument : arguments) {
                constant(line, argument);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(line, value);
        }
    }

    /** A constant: a class literal, a method handle (a method reference's target) or a dynamic constant. */
    private void constant(int line, Object value) {
        if (value instanceof Handle h) {
            boolean field = h.getTag() <= Opcodes.H_PUTSTATIC;
            member(line, "refers to ", h.getOwner(), h.getName(), h.getDesc(),
                    field ? h.getName() + ":" + h.getDesc() : h.getName() + h.getDesc());
        } else if (value instanceof ConstantDynamic c) {
            refuse(line, "uses the dynamic constant " + c.getName(), Family.REFLECTION);
        } else if (value instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
            Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
            if (element.getSort() == Type.OBJECT && !own.contains(element.getInternalName())) {
                Family f = typeFamily(element.getInternalName());
                if (f != null) {
                    refuse(line, "uses the class " + dotted(element.getInternalName()), f);
                }
            }
        }
    }

    /**
     * A member named in code. On a student class it is student code, unless the class inherits it: then
     * it is judged as a member of the JDK or library classes it can come from, allowed when one of them
     * allows it.
     */
    private void member(int line, String verb, String owner, String name, String descriptor, String memberKey) {
        Family family = tests ? TestsApi.refusedMember(owner, name) : null;
        if (family == null) {
            family = RefusedApi.familyOfMember(owner, name, descriptor);
        }
        if (family == null && tests && TestsApi.allowsClass(owner)) {
            return;
        }
        String shownOwner = owner;
        if (family == null && own.contains(owner)) {
            if (name.equals("<init>")) {
                return;
            }
            List<String> from = own.inheritedFrom(owner, memberKey);
            for (String candidate : from) {
                Family f = ApiCheck.member(candidate, name, descriptor);
                if (f == null) {
                    return;
                }
                if (family == null || family == Family.OTHER) {
                    family = f;
                    shownOwner = candidate;
                }
            }
        } else if (family == null) {
            family = ApiCheck.member(owner, name, descriptor);
        }
        if (family != null) {
            String separator = verb.equals("refers to ") ? "::" : ".";
            refuse(line, verb + dotted(shownOwner) + separator + name, family);
        }
    }

    /** The family refusing a class used as a whole, or null; a student's own tests may also name {@link TestsApi}'s. */
    private Family typeFamily(String type) {
        return tests && TestsApi.allowsClass(type) ? null : ApiCheck.type(type);
    }

    private void refuse(int line, String what, Family family) {
        if (tests && family == Family.TEST_FRAMEWORK) {
            family = Family.TEST_EXTRAS;
        }
        found.putIfAbsent(line + " " + what, new Refusal(file, line, what, family));
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }
}
