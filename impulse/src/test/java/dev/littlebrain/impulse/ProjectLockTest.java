package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLockTest {
    @TempDir
    Path project;
    private final List<String> notices = new ArrayList<>();
    private final long me = ProcessHandle.current().pid();

    @Test
    void aSecondWriterIsRefusedUntilTheFirstIsDone() throws IOException {
        try (ProjectLock first = ProjectLock.acquire(project, "littlebrain train", notices::add)) {
            ProjectLock.ProjectInUseException e = assertThrows(ProjectLock.ProjectInUseException.class,
                    () -> ProjectLock.acquire(project, "littlebrain features", notices::add));
            assertEquals("project " + project + " is in use by `littlebrain train` (pid " + me + "); wait for it to"
                    + " finish or stop it, then run this again", e.getMessage());
        }
        try (ProjectLock second = ProjectLock.acquire(project, "littlebrain features", notices::add)) {
            assertEquals(me + "\nlittlebrain features\n", Files.readString(project.resolve(ProjectLock.FILE_NAME)));
        }
        assertEquals(List.of(), notices, "a released lock is no stale lock");
    }

    @Test
    void theLockOfAProcessThatDiedIsTakenOverWithANote() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(project.resolve(ProjectLock.FILE_NAME), gone.pid() + "\nlittlebrain train\n");
        try (ProjectLock lock = ProjectLock.acquire(project, "littlebrain train", notices::add)) {
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).contains("`littlebrain train` (pid " + gone.pid() + ")")
                    && notices.get(0).contains("no longer running"), notices.get(0));
            assertEquals(me + "\nlittlebrain train\n", Files.readString(project.resolve(ProjectLock.FILE_NAME)));
        }
    }

    /** Where file locks do not work (some network file systems) the holder's process id still guards. */
    @Test
    void aLiveHolderNamedInTheFileIsRespected() throws Exception {
        Process holder = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(project.resolve(ProjectLock.FILE_NAME), holder.pid() + "\nlittlebrain data mine\n");
            ProjectLock.ProjectInUseException e = assertThrows(ProjectLock.ProjectInUseException.class,
                    () -> ProjectLock.acquire(project, "littlebrain train", notices::add));
            assertTrue(e.getMessage().contains("`littlebrain data mine` (pid " + holder.pid() + ")"), e.getMessage());
        } finally {
            holder.destroy();
        }
    }

    /** Taking the lock deletes what atomic writes of killed commands left in the project; the rest stays. */
    @Test
    void temporaryFilesOfKilledWritersAreDeletedWhenTheLockIsTaken() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        Path models = Files.createDirectories(project.resolve("models"));
        Path killed = Files.writeString(models.resolve(".model_int8.tflite." + done.pid() + "-2lucyd3xo3mgo.tmp"), "x");
        Path yaml = Files.writeString(project.resolve(".impulse.yaml." + done.pid() + "-346jbnf874qo9.tmp"), "x");
        Path model = Files.writeString(models.resolve("model_int8.tflite"), "whole");
        try (ProjectLock lock = ProjectLock.acquire(project, "littlebrain train", note -> { })) {
            assertTrue(!Files.exists(killed) && !Files.exists(yaml));
            assertTrue(Files.exists(model));
        }
    }
}
