package org.opendsr.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the numbers were measured on: they mean little without it. */
final class MachineFacts {

    private MachineFacts() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static Map<String, Object> read() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cores", cores());
        cpuModel().ifPresent(model -> facts.put("cpu", model));
        memoryMegabytes().ifPresent(megabytes -> facts.put("memoryMB", megabytes));
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        facts.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        // A busy machine before the run explains a slow run.
        facts.put("loadAverageAtStart", Latencies.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return facts;
    }

    static String describe(Map<String, Object> facts) {
        return facts.get("cores") + " cores" + (facts.containsKey("cpu") ? " (" + facts.get("cpu") + ")" : "")
                + (facts.containsKey("memoryMB") ? ", " + facts.get("memoryMB") + " MB" : "")
                + ", " + facts.get("os") + ", " + facts.get("jvm") + ", load average " + facts.get("loadAverageAtStart");
    }

    private static Optional<String> cpuModel() {
        return procLine("/proc/cpuinfo", "model name");
    }

    private static Optional<Long> memoryMegabytes() {
        return procLine("/proc/meminfo", "MemTotal").map(value -> Long.parseLong(value.replaceAll("[^0-9]", "")) / 1024);
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
