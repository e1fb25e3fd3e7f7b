package org.opendsr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How much of each JVM's CPU its JIT compiler threads take, from Linux's per-thread CPU counters
 * ({@code /proc/<pid>/task/<tid>/stat}, threads named {@code C1 CompilerThre…} and {@code C2 CompilerThre…}).
 * While that share is high the JVM is still compiling its hot paths and a measurement would time the compiler,
 * so the warm-up continues until it falls (see {@link BenchmarkCommand}).
 */
final class JitActivity {

    /** CPU ticks of one JVM: its compiler threads' and all its threads'. */
    record Ticks(long compiler, long total) {

        Ticks minus(Ticks earlier) {
            // A compiler thread that ended took its counter with it: never a negative share.
            return new Ticks(Math.max(0, compiler - earlier.compiler), total - earlier.total);
        }

        /** The compiler threads' share of the JVM's CPU, 0 when the JVM was idle. */
        double compilerShare() {
            return total <= 0 ? 0 : (double) compiler / total;
        }
    }

    private JitActivity() {
    }

    /** Ticks of each JVM by name; a JVM whose counters cannot be read (not Linux, gone) is left out. */
    static Map<String, Ticks> read(Map<String, Long> pids) {
        Map<String, Ticks> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                ticks.put(name, ticksOf(pid));
            } catch (IOException | RuntimeException unreadable) {
                // no per-thread counters here: no settling check for this JVM
            }
        });
        return ticks;
    }

    /** Each JVM's ticks between two readings. */
    static Map<String, Ticks> between(Map<String, Ticks> before, Map<String, Ticks> after) {
        Map<String, Ticks> deltas = new LinkedHashMap<>();
        after.forEach((name, ticks) -> {
            Ticks earlier = before.get(name);
            if (earlier != null) {
                deltas.put(name, ticks.minus(earlier));
            }
        });
        return deltas;
    }

    /**
     * Compilation has settled when every JVM that did real work in the window ({@code minTicks} or more) spent less
     * than {@code threshold} of its CPU in its compiler threads. A JVM that was nearly idle is left out: a few ticks
     * of background compilation would make its share look high and mean nothing. Unknown (no readable JVM) is not
     * settled.
     */
    static boolean settled(Map<String, Ticks> window, double threshold, long minTicks) {
        List<Ticks> busy = window.values().stream().filter(ticks -> ticks.total() >= minTicks).toList();
        return !busy.isEmpty() && busy.stream().allMatch(ticks -> ticks.compilerShare() < threshold);
    }

    /** The shares of each JVM between two readings. */
    static Map<String, Double> sharesBetween(Map<String, Ticks> before, Map<String, Ticks> after) {
        Map<String, Double> shares = new LinkedHashMap<>();
        after.forEach((name, ticks) -> {
            Ticks earlier = before.get(name);
            if (earlier != null) {
                shares.put(name, ticks.minus(earlier).compilerShare());
            }
        });
        return shares;
    }

    private static Ticks ticksOf(long pid) throws IOException {
        Path process = Path.of("/proc", Long.toString(pid));
        long total = userPlusSystemTicks(Files.readString(process.resolve("stat")));
        long compiler = 0;
        try (Stream<Path> threads = Files.list(process.resolve("task"))) {
            for (Path thread : threads.toList()) {
                try {
                    if (isCompilerThread(Files.readString(thread.resolve("comm")).strip())) {
                        compiler += userPlusSystemTicks(Files.readString(thread.resolve("stat")));
                    }
                } catch (IOException threadEnded) {
                    // compiler threads come and go (the JVM adds and removes them with the queue's length)
                }
            }
        }
        return new Ticks(compiler, total);
    }

    static boolean isCompilerThread(String threadName) {
        return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
    }

    /**
     * utime + stime of a {@code /proc/.../stat} line: fields 14 and 15, counted after the command name, which is in
     * parentheses and may itself contain spaces and parentheses.
     */
    static long userPlusSystemTicks(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state), so utime (14) is fields[11] and stime (15) fields[12]
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
