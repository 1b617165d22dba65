package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.tflite.SharedFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Use it from Java" example, as a reader copies it: the first {@code java} block of that section is
 * compiled against the library (this module's test class path) and its {@code main} run on the synthetic keyword
 * dataset. What it prints is checked, so an example that compiles but no longer works fails here.
 */
@Tag("slow")
class ReadmeExampleTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern SECTION = Pattern.compile("(?s)\\n## Use it from Java\\n(.*?)(\\n## |\\z)");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)```java\\n(.*?)```");
    private static final Pattern CLASS_NAME = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");

    /** The example's source: the first java block of the README's "Use it from Java" section. */
    static String exampleSource() throws IOException {
        Matcher section = SECTION.matcher(Files.readString(README));
        assertTrue(section.find(), "README.md has a '## Use it from Java' section");
        Matcher block = JAVA_BLOCK.matcher(section.group(1));
        assertTrue(block.find(), "the section has a ```java block");
        return block.group(1);
    }

    @Test
    void theReadmeExampleIsShortCompilesAndRuns(@TempDir Path dir) throws Exception {
        Path dataset = SharedFolder.require("datasets/espeak-kws");
        String source = exampleSource();
        long statements = source.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("import ") && !l.startsWith("//") && !l.equals("}"))
                .count();
        assertTrue(statements <= 20, "the example stays short: " + statements + " lines of code");

        Matcher name = CLASS_NAME.matcher(source);
        assertTrue(name.find(), "the example declares a public class");
        Path classes = compile(name.group(1), source, dir.resolve("src"), dir.resolve("classes"));

        Path project = dir.resolve("my-kws");
        String printed = runMain(classes, name.group(1), project.toString(), dataset.toString());
        System.out.print("README example printed:\n" + printed);

        assertTrue(Files.isRegularFile(Project.open(project).layout().int8Model()), "the example trained a model");
        List<String> lines = printed.lines().toList();
        assertTrue(lines.size() >= 2, "the example prints the test accuracy and a classification: " + printed);
        Matcher accuracy = Pattern.compile("int8 accuracy on the test split: ([0-9.]+)").matcher(printed);
        assertTrue(accuracy.find(), printed);
        double value = Double.parseDouble(accuracy.group(1));
        assertTrue(value > 0.5, "a trained spotter beats chance on yes/no/_unknown_/_noise_: " + value);
        Matcher top = Pattern.compile("the clip sounds like: (\\S+)").matcher(printed);
        assertTrue(top.find(), printed);
        assertTrue(Project.open(project).project().trainedLabels().contains(top.group(1)), printed);
    }

    private static Path compile(String className, String source, Path sources, Path classes) throws IOException {
        Files.createDirectories(sources);
        Files.createDirectories(classes);
        Path file = sources.resolve(className + ".java");
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d",
                    classes.toString(), "--release", "17");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file))
                    .call();
            List<String> messages = new ArrayList<>();
            diagnostics.getDiagnostics().forEach(d -> messages.add(d.getLineNumber() + ": " + d.getMessage(null)));
            assertTrue(ok, "the README example compiles: " + messages);
        }
        return classes;
    }

    /** Runs the example's main in this JVM (the library already loaded) and returns what it printed. */
    private static String runMain(Path classes, String className, String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) args);
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
