package org.opendsr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the CPU went during a phase: CPU time of each process of the system (summed over a group's processes)
 * and of the whole machine, read before and after. On a small machine the benchmark, the broker, the database and
 * six JVMs share the same cores, so this says which one was busy when a number looks low.
 *
 * <p>Approximate: a process that ends during the phase takes its CPU time with it (PostgreSQL backends of pooled
 * connections live for the whole phase, so in practice little is lost).
 */
final class CpuMeter {

    /** Linux reports /proc/stat in USER_HZ ticks, 100 a second on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Supplier<List<ProcessHandle>>> groups;

    /** @param groups name -> the processes it covers, looked up at each reading (a group can gain processes) */
    CpuMeter(Map<String, Supplier<List<ProcessHandle>>> groups) {
        this.groups = groups;
    }

    record Reading(long wallNanos, Map<String, Duration> cpuByGroup, long machineBusyTicks) {
    }

    /**
     * @param coresByGroup how many cores each group kept busy on average (CPU seconds / wall seconds)
     * @param machineCores how many cores the whole machine kept busy on average, or NaN where /proc/stat is missing
     */
    record Usage(double wallSeconds, Map<String, Double> coresByGroup, double machineCores) {

        /** CPU milliseconds each group spent per unit of work (a referral) over the phase. */
        Map<String, Double> cpuMillisPer(int units) {
            Map<String, Double> millis = new LinkedHashMap<>();
            coresByGroup.forEach((group, cores) -> millis.put(group, cores * wallSeconds * 1000 / units));
            return millis;
        }

        /** Cores kept busy by processes outside every group (another build on a shared machine, say). */
        double otherCores() {
            return machineCores - coresByGroup.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    Reading read() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        groups.forEach((name, processes) -> cpu.put(name, processes.get().stream()
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus)));
        return new Reading(System.nanoTime(), cpu, machineBusyTicks());
    }

    static Usage between(Reading before, Reading after) {
        double wall = (after.wallNanos() - before.wallNanos()) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        after.cpuByGroup().forEach((name, cpu) -> cores.put(name,
                cpu.minus(before.cpuByGroup().getOrDefault(name, Duration.ZERO)).toNanos() / 1e9 / wall));
        double machine = after.machineBusyTicks() < 0 || before.machineBusyTicks() < 0 ? Double.NaN
                : (after.machineBusyTicks() - before.machineBusyTicks()) / TICKS_PER_SECOND / wall;
        return new Usage(wall, cores, machine);
    }

    /** Busy time of all cores (everything but idle and iowait) from the first line of /proc/stat, or -1. */
    private static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
