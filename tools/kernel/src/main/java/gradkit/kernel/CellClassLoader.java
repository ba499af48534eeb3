package gradkit.kernel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Loads the classes that cells run with the stop check woven in ({@link StopCheckWeaver}): the
 * classes JShell compiles from the cells, and the classes of the folders and jars that
 * {@code %classpath} and {@code %jars} add, such as the teaching library in
 * {@code target/kit-classes}. So Kernel > Interrupt also ends a long call into the library (a
 * training loop inside {@code Trainer.train}, say), not only the cell's own loops.
 *
 * <p>It does what JShell's default loader does (JShell hands it each snippet's class files and the
 * added paths, and asks for classes by name), plus the weaving. Its parent is the loader of the
 * kernel's own classes, so woven code finds {@link StopSignal} and cells find {@code display}.
 * Classes of the JDK and of the kernel come from the parent and are never woven.
 */
final class CellClassLoader implements LoaderDelegate {

    private final WeavingLoader loader = new WeavingLoader();
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();

    /** The class loader behind it, for the threads that run cells. */
    ClassLoader classLoader() {
        return loader;
    }

    /** Receives the class files of new snippets from JShell, and loads them. */
    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        try {
            for (ClassBytecodes c : classes) {
                loader.declare(c.name(), c.bytecodes());
            }
            for (int i = 0; i < classes.length; i++) {
                Class<?> type = loader.loadClass(classes[i].name());
                loaded.put(classes[i].name(), type);
                installed[i] = true;
                type.getDeclaredMethods();   // prepared now, as JShell's own loader does
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ClassInstallException("load: " + e.getMessage(), installed);
        }
    }

    /** Never called: this engine does not redefine classes (see DirectExecutionControl). */
    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            loader.declare(c.name(), c.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        try {
            for (String piece : path.split(File.pathSeparator)) {
                loader.addURL(new File(piece).toURI().toURL());
            }
        } catch (MalformedURLException e) {
            throw new InternalException("cannot add " + path + " to the class path: " + e.getMessage());
        }
    }

    /** A snippet's class, by the name JShell gave it. */
    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> type = loaded.get(name);
        if (type == null) {
            throw new ClassNotFoundException(name + " is not a class of a snippet");
        }
        return type;
    }

    /** Defines snippet classes and classes of the added paths, woven; asks its parent first, as usual. */
    private static final class WeavingLoader extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> snippets = new ConcurrentHashMap<>();

        WeavingLoader() {
            super(new URL[0], CellClassLoader.class.getClassLoader());
        }

        void declare(String name, byte[] classFile) {
            snippets.put(name, woven(name, classFile));
        }

        @Override
        protected void addURL(URL url) {
            super.addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] snippet = snippets.get(name);
            if (snippet != null) {
                return defineClass(name, snippet, 0, snippet.length, (CodeSource) null);
            }
            String resource = name.replace('.', '/') + ".class";
            URL url = findResource(resource);
            if (url == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] classFile;
            try (InputStream in = url.openStream()) {
                classFile = in.readAllBytes();
            } catch (IOException e) {
                throw new ClassNotFoundException(name + ": cannot read " + url + ": " + e.getMessage(), e);
            }
            byte[] bytes = woven(name, classFile);
            return defineClass(name, bytes, 0, bytes.length, new CodeSource(rootOf(url, resource), (CodeSigner[]) null));
        }

        /**
         * The folder or jar a class file came from, as an ordinary class path loader reports it
         * ({@code getProtectionDomain().getCodeSource().getLocation()}): the library finds the kit's
         * folder that way.
         */
        private static URL rootOf(URL classFile, String resource) {
            String url = classFile.toString();
            try {
                if (url.startsWith("jar:") && url.contains("!/")) {
                    return URI.create(url.substring("jar:".length(), url.indexOf("!/"))).toURL();
                }
                return URI.create(url.substring(0, url.length() - resource.length())).toURL();
            } catch (MalformedURLException | IllegalArgumentException e) {
                return classFile;
            }
        }

        /** The class with the stop checks, or as it is when ASM cannot read it (newer than ASM knows). */
        private static byte[] woven(String name, byte[] classFile) {
            try {
                return StopCheckWeaver.weave(classFile);
            } catch (RuntimeException e) {
                System.err.println("kernel: " + name + " runs without stop checks (" + e.getMessage()
                        + "): Kernel > Interrupt may not stop its loops");
                return classFile;
            }
        }
    }
}
