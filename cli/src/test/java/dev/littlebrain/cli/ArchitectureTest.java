package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.impulse.Project;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI is an adapter over the {@code impulse} library (issue 21): its commands reach the engine modules only
 * through impulse. A command may name an engine type that impulse's public API takes or returns (a record to fill
 * in or to print, such as {@code ContinuousConfig} or {@code KwsCurationOptions}); it may not call engine services
 * of its own. The model-only commands {@code run} and {@code inspect} work on a .tflite file, not a project, and
 * use the runtime directly.
 *
 * <p>What has not moved yet is listed in {@link #NOT_MOVED_YET}, import by import: a new engine import anywhere else
 * fails here, and an entry that is no longer needed fails too, so the list only shrinks.
 */
class ArchitectureTest {
    private static final Pattern ENGINE_IMPORT = Pattern.compile(
            "^import (dev\\.littlebrain\\.(?:runtime|tflite|quantize|dsp|data|train|deploy)\\.[A-Za-z0-9_.]+);",
            Pattern.MULTILINE);
    private static final Set<String> ENGINE_PACKAGES = Set.of("runtime", "tflite", "quantize", "dsp", "data", "train",
            "deploy");

    /** Commands on a model file, not a project. */
    private static final Set<String> MODEL_ONLY = Set.of("RunCommand", "InspectCommand");

    /**
     * Engine imports of commands whose work has not moved into impulse yet (issue 21), per source file: none left.
     * Kept so that an exception, if one is ever needed, is written down here rather than slipped in.
     */
    private static final Map<String, Set<String>> NOT_MOVED_YET = Map.of();

    @Test
    void commandsReachTheEngineOnlyThroughImpulse() throws IOException, ClassNotFoundException {
        Set<String> api = engineTypesOfImpulseApi();
        assertTrue(api.contains("runtime.stream.ContinuousConfig"), "the API scan sees impulse's types: " + api);

        Map<String, Set<String>> found = new TreeMap<>();
        List<String> notThroughImpulse = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                if (MODEL_ONLY.contains(name)) {
                    continue;
                }
                Matcher m = ENGINE_IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String type = m.group(1).substring("dev.littlebrain.".length());
                    if (api.contains(type)) {
                        continue;
                    }
                    found.computeIfAbsent(name, k -> new TreeSet<>()).add(type);
                    if (!NOT_MOVED_YET.getOrDefault(name, Set.of()).contains(type)) {
                        notThroughImpulse.add(name + " imports " + type);
                    }
                }
            }
        }
        assertEquals(List.of(), notThroughImpulse, "engine types the CLI uses that impulse's API does not expose");
        List<String> moved = new ArrayList<>();
        NOT_MOVED_YET.forEach((file, types) -> types.stream()
                .filter(t -> !found.getOrDefault(file, Set.of()).contains(t))
                .forEach(t -> moved.add(file + " " + t)));
        assertEquals(List.of(), moved, "moved into impulse: take these out of NOT_MOVED_YET");
    }

    /** Engine types (as "module.Type") in the signatures of impulse's public classes, methods, fields and records. */
    private static Set<String> engineTypesOfImpulseApi() throws IOException, ClassNotFoundException {
        Path classes;
        try {
            classes = Path.of(Project.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        // A folder of classes (an IDE, mvn test) or the module's jar (mvn verify in the reactor).
        try (java.nio.file.FileSystem jar = Files.isDirectory(classes) ? null
                : java.nio.file.FileSystems.newFileSystem(classes)) {
            return closeOverValues(engineTypesOf(jar == null ? classes : jar.getPath("/")));
        }
    }

    /**
     * The engine records and interfaces the API hands out bring their own parts (a {@code KwsCurationOptions} is
     * filled with a {@code Placement}): their components and what their public methods return; and every engine
     * type the API hands out may be used as what it implements.
     */
    private static Set<String> closeOverValues(Set<String> types) throws ClassNotFoundException {
        Set<String> all = new TreeSet<>(types);
        List<String> todo = new ArrayList<>(types);
        while (!todo.isEmpty()) {
            Class<?> c = Class.forName("dev.littlebrain." + todo.remove(todo.size() - 1), false,
                    ArchitectureTest.class.getClassLoader());
            Set<String> parts = new TreeSet<>();
            // what it is: a DspBlockType is a BlockType
            for (Type t : c.getGenericInterfaces()) {
                collect(t, parts);
            }
            if (c.getGenericSuperclass() != null) {
                collect(c.getGenericSuperclass(), parts);
            }
            if (!c.isRecord() && !c.isInterface()) {
                addNew(parts, all, todo);
                continue;
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    collect(rc.getGenericType(), parts);
                }
            }
            for (Method m : c.getMethods()) {
                collect(m.getGenericReturnType(), parts);
            }
            addNew(parts, all, todo);
        }
        return all;
    }

    private static void addNew(Set<String> parts, Set<String> all, List<String> todo) {
        for (String part : parts) {
            if (all.add(part)) {
                todo.add(part);
            }
        }
    }

    private static Set<String> engineTypesOf(Path root) throws IOException, ClassNotFoundException {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")
                    && p.toString().contains("dev/littlebrain/impulse/")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replace(".class", "");
                Class<?> c = Class.forName(name, false, ArchitectureTest.class.getClassLoader());
                if (!Modifier.isPublic(c.getModifiers())) {
                    continue;
                }
                if (c.isRecord()) {
                    for (RecordComponent rc : c.getRecordComponents()) {
                        collect(rc.getGenericType(), types);
                    }
                }
                for (Method m : c.getMethods()) {
                    if (m.getDeclaringClass() != c) {
                        continue;
                    }
                    collect(m.getGenericReturnType(), types);
                    for (Type p : m.getGenericParameterTypes()) {
                        collect(p, types);
                    }
                }
                for (var k : c.getConstructors()) {
                    for (Type p : k.getGenericParameterTypes()) {
                        collect(p, types);
                    }
                }
                for (Field fd : c.getFields()) {
                    collect(fd.getGenericType(), types);
                }
            }
        }
        return types;
    }

    private static void collect(Type t, Set<String> into) {
        if (t instanceof ParameterizedType p) {
            collect(p.getRawType(), into);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, into);
            }
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                collect(b, into);
            }
        } else if (t instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            String n = c.getName();
            if (n.startsWith("dev.littlebrain.")) {
                String rest = n.substring("dev.littlebrain.".length());
                String module = rest.substring(0, rest.indexOf('.'));
                if (ENGINE_PACKAGES.contains(module)) {
                    // a nested type is imported by its outer name
                    into.add(rest.contains("$") ? rest.substring(0, rest.indexOf('$')) : rest);
                }
            }
        }
    }
}
