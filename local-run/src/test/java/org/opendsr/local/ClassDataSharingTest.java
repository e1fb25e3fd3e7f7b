package org.opendsr.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The archive is made on the first start, used while it fits, and made afresh when the jar or the JVM changes. */
class ClassDataSharingTest {

    private static final List<String> OPTIONS = List.of("-Xmx192m", "-XX:TieredStopAtLevel=1");

    private final Path work;

    /** Under target/ (the build's java.io.tmpdir may not exist in this module). */
    ClassDataSharingTest() throws IOException {
        work = Files.createDirectories(Path.of("target", "class-data-sharing-test", Long.toString(System.nanoTime())))
                .toAbsolutePath();
    }

    @Test
    void theFirstStartMakesTheArchiveAndLaterStartsUseIt() throws IOException {
        Path jar = Files.writeString(work.resolve("referral-service.jar"), "a jar");
        ClassDataSharing sharing = new ClassDataSharing(work.resolve("class-data"));
        Path archive = work.resolve("class-data").resolve("referral-service.jsa");

        assertThat(sharing.jvmOptionsFor("referral-service", jar, OPTIONS))
                .containsExactly("-XX:ArchiveClassesAtExit=" + archive);
        Files.writeString(archive, "what the JVM wrote at exit");

        assertThat(sharing.jvmOptionsFor("referral-service", jar, OPTIONS))
                .containsExactly("-XX:SharedArchiveFile=" + archive);
    }

    @Test
    void aRebuiltJarMakesTheArchiveAfresh() throws IOException {
        Path jar = Files.writeString(work.resolve("gateway.jar"), "a jar");
        ClassDataSharing sharing = new ClassDataSharing(work.resolve("class-data"));
        Path archive = work.resolve("class-data").resolve("gateway.jsa");
        sharing.jvmOptionsFor("gateway", jar, OPTIONS);
        Files.writeString(archive, "archive of the old jar");

        Files.writeString(jar, "a rebuilt jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));

        assertThat(sharing.jvmOptionsFor("gateway", jar, OPTIONS)).containsExactly("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(archive).as("the stale archive is gone, so the JVM never maps it").doesNotExist();
    }

    @Test
    void otherJvmOptionsMakeTheArchiveAfresh() throws IOException {
        Path jar = Files.writeString(work.resolve("gateway.jar"), "a jar");
        ClassDataSharing sharing = new ClassDataSharing(work.resolve("class-data"));
        Path archive = work.resolve("class-data").resolve("gateway.jsa");
        sharing.jvmOptionsFor("gateway", jar, OPTIONS);
        Files.writeString(archive, "archive made under C1 only");

        assertThat(sharing.jvmOptionsFor("gateway", jar, List.of("-Xmx384m")))
                .containsExactly("-XX:ArchiveClassesAtExit=" + archive);
    }

    @Test
    void anArchiveTheJvmNeverFinishedIsMadeAgain() throws IOException {
        Path jar = Files.writeString(work.resolve("gateway.jar"), "a jar");
        ClassDataSharing sharing = new ClassDataSharing(work.resolve("class-data"));
        Path archive = work.resolve("class-data").resolve("gateway.jsa");
        sharing.jvmOptionsFor("gateway", jar, OPTIONS);
        // killed before it exited: no archive written

        assertThat(sharing.jvmOptionsFor("gateway", jar, OPTIONS)).containsExactly("-XX:ArchiveClassesAtExit=" + archive);
    }
}
