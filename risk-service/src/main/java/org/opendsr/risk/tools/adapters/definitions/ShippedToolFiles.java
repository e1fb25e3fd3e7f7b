package org.opendsr.risk.tools.adapters.definitions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.opendsr.risk.tools.application.PublishingTools;
import org.opendsr.risk.tools.application.PublishingTools.Loaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the rating tools risk-service ships ({@code dsr/rating-tools/*.json} on the classpath, but the schema), and
 * those an operator drops in {@code dsr.risk.rating-tools.directory} (env {@code DSR_RISK_RATING_TOOLS_DIRECTORY},
 * unset by default), at start-up. Each is checked like a lead's and published only if its toolId and version are not
 * (so loading is idempotent, and a new file is a new version without a code change). An invalid file stops the
 * start-up: a service must not run with a tool it cannot read.
 */
@Singleton
public class ShippedToolFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ShippedToolFiles.class);
    static final String FOLDER = "dsr/rating-tools";

    private final PublishingTools publishing;
    private final @Nullable String directory;

    public ShippedToolFiles(PublishingTools publishing,
                            @Nullable @Value("${dsr.risk.rating-tools.directory:}") String directory) {
        this.publishing = publishing;
        this.directory = directory == null || directory.isBlank() ? null : directory;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        load();
    }

    /** Loads every file, in order of name (so version 1 of a tool before version 2); what each did, counted. */
    public Map<Loaded, Integer> load() {
        Map<Loaded, Integer> counts = new EnumMap<>(Loaded.class);
        for (Path file : files()) {
            String name = file.getFileName().toString();
            String document;
            try {
                document = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read rating tool file " + name, e);
            }
            counts.merge(publishing.loadShipped(name, document), 1, Integer::sum);
        }
        LOG.info("Rating tool files loaded: {}", counts);
        return counts;
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        try {
            Enumeration<URL> folders = getClass().getClassLoader().getResources(FOLDER);
            for (URL folder : Collections.list(folders)) {
                files.addAll(definitionsIn(pathOf(folder.toURI())));
            }
            if (directory != null) {
                files.addAll(definitionsIn(Path.of(directory)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the rating tool files", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Could not list the rating tool files", e);
        }
        return files;
    }

    private static List<Path> definitionsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("No rating tool folder at " + folder);
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(path -> path.getFileName().toString().endsWith(".json"))
                    .filter(path -> !path.getFileName().toString().endsWith(".schema.json"))
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        }
    }

    /** A classpath folder as a path, in a directory (tests, local runs) or inside the service's jar. */
    private static Path pathOf(URI folder) throws IOException {
        if ("jar".equals(folder.getScheme())) {
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(folder, Map.of());
            } catch (FileSystemAlreadyExistsException opened) {
                jar = FileSystems.getFileSystem(folder);
            }
            return jar.provider().getPath(folder);
        }
        return Path.of(folder);
    }
}
