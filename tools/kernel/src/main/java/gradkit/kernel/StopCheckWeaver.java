package gradkit.kernel;

import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a class file so that every method (but a static initializer) calls
 * {@link StopSignal#check()} when it starts and before every jump backwards (the end of each loop's
 * body), as JShell's own {@code LocalExecutionControl} does since JDK 20. A loop then meets a
 * check on every turn and a recursion on every call, so Kernel > Interrupt ends both within
 * microseconds.
 *
 * <pre>
 * byte[] woven = StopCheckWeaver.weave(classFileBytes);
 * </pre>
 *
 * <p>The check takes nothing from the operand stack and leaves nothing, so the stack map frames,
 * the stack size and the local variables of each method stay as they were: the class is rewritten
 * in one pass with ASM, without loading any other class. What the weaver cannot stop: code of
 * classes it never sees (the JDK's own, such as a loop inside {@code BigInteger.pow}) and a thread
 * blocked in the operating system.
 */
final class StopCheckWeaver {

    private static final String SIGNAL = StopSignal.class.getName().replace('.', '/');

    private StopCheckWeaver() {
    }

    /**
     * The class file with the checks woven in.
     *
     * @throws IllegalArgumentException if ASM cannot read the class (a class file newer than it knows)
     */
    static byte[] weave(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                // A stop inside a static initializer would leave its class unusable until Restart
                // (NoClassDefFoundError from then on): initializers run to their end.
                return name.equals("<clinit>") ? method : new CheckInserter(method);
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Inserts the checks into one method's code as ASM walks it, in order. */
    private static final class CheckInserter extends MethodVisitor {

        /** The places already passed: a jump to one of them goes backwards. */
        private final Set<Label> passed = new HashSet<>();

        CheckInserter(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();   // on entry: ends a recursion, and a constructor may call it before super()
        }

        @Override
        public void visitLabel(Label label) {
            passed.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label target) {
            if (passed.contains(target)) {
                check();
            }
            super.visitJumpInsn(opcode, target);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label fallback, Label... targets) {
            checkIfAnyBackward(fallback, targets);
            super.visitTableSwitchInsn(min, max, fallback, targets);
        }

        @Override
        public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] targets) {
            checkIfAnyBackward(fallback, targets);
            super.visitLookupSwitchInsn(fallback, keys, targets);
        }

        private void checkIfAnyBackward(Label fallback, Label[] targets) {
            boolean backward = passed.contains(fallback);
            for (Label target : targets) {
                backward |= passed.contains(target);
            }
            if (backward) {
                check();
            }
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, SIGNAL, "check", "()V", false);
        }
    }
}
