package gradkit.grading.bytecode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The classes compiled from one student's file: their superclasses, interfaces and declared members,
 * so that a call written on a student class ({@code this.wait()}, {@code worker.start()}) is judged as
 * a call of the JDK class it is inherited from.
 *
 * <pre>{@code
 * StudentClasses own = StudentClasses.of(List.of(bytes));
 * own.inheritedFrom("gradkit/exercises/Ex02$Worker", "start", "()V")   // [java/lang/Thread]
 * }</pre>
 */
final class StudentClasses {
    /** One class: its supertypes and its members as name + descriptor. */
    private record Shape(String superName, List<String> interfaces, Set<String> members) {
    }

    private final Map<String, Shape> shapes;

    private StudentClasses(Map<String, Shape> shapes) {
        this.shapes = shapes;
    }

    /** The index of these class files (their bytes). */
    static StudentClasses of(List<byte[]> classFiles) {
        Map<String, Shape> shapes = new HashMap<>();
        for (byte[] bytes : classFiles) {
            ClassReader reader = new ClassReader(bytes);
            Set<String> members = new HashSet<>();
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                    members.add(name + ":" + descriptor);
                    return null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    members.add(name + descriptor);
                    return null;
                }
            }, ClassReader.SKIP_CODE);
            String superName = reader.getSuperName() == null ? "java/lang/Object" : reader.getSuperName();
            shapes.put(reader.getClassName(), new Shape(superName, List.of(reader.getInterfaces()), members));
        }
        return new StudentClasses(shapes);
    }

    /** True when {@code name} (internal) is one of the student's classes. */
    boolean contains(String name) {
        return shapes.containsKey(name);
    }

    /** The student's class names, internal. */
    Set<String> names() {
        return shapes.keySet();
    }

    /** The superclass and interfaces a student class names. */
    List<String> supertypes(String name) {
        Shape s = shapes.get(name);
        List<String> all = new ArrayList<>(List.of(s.superName()));
        all.addAll(s.interfaces());
        return all;
    }

    /**
     * Where a member named on a student class comes from: an empty list when one of the student's
     * classes declares it (student code, checked on its own), else the classes outside the student's
     * file it may be inherited from (the first JDK or library superclass and every such interface).
     *
     * @param memberKey name + descriptor for a method ("start()V"), name + ":" + descriptor for a field
     */
    List<String> inheritedFrom(String owner, String memberKey) {
        List<String> outside = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(owner));
        while (!todo.isEmpty()) {
            String c = todo.remove(todo.size() - 1);
            if (!seen.add(c)) {
                continue;
            }
            Shape s = shapes.get(c);
            if (s == null) {
                outside.add(c);
            } else if (s.members().contains(memberKey)) {
                return List.of();
            } else {
                todo.addAll(s.interfaces());
                todo.add(s.superName());
            }
        }
        return outside;
    }
}
