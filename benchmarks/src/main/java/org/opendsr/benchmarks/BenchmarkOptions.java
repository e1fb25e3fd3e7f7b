package org.opendsr.benchmarks;

import java.util.List;

/**
 * The command line of {@code ./dsr-benchmark}.
 *
 * @param referrals   measured referrals; also the number of measured PostgreSQL transactions and Kafka records
 * @param concurrency callers working at once, the same for every measurement
 * @param warmUp      untimed calls before each measurement, so every JVM has compiled its hot paths
 * @param keepData    keep the run's data directory (databases, Kafka logs, service logs) for inspection
 */
record BenchmarkOptions(int referrals, int concurrency, int warmUp, boolean keepData) {

    static final String USAGE = String.join("\n",
            "Usage: ./dsr-benchmark [--referrals N] [--concurrency C] [--warm-up W] [--keep-data] [--no-build]",
            "  --referrals N    referrals measured through the gateway; the PostgreSQL and Kafka baselines",
            "                   make as many transactions and records (default 2000)",
            "  --concurrency C  callers working at once, in every measurement (default 8)",
            "  --warm-up W      untimed calls before each measurement (default 300)",
            "  --keep-data      keep the run's data directory (logs, databases) under benchmarks/target",
            "  --no-build       run without building first");

    static BenchmarkOptions parse(List<String> args) {
        int referrals = 2000;
        int concurrency = 8;
        int warmUp = 300;
        boolean keepData = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--referrals" -> referrals = positive(arg, args, ++i);
                case "--concurrency" -> concurrency = positive(arg, args, ++i);
                case "--warm-up" -> warmUp = positive(arg, args, ++i);
                case "--keep-data" -> keepData = true;
                case "--no-build" -> {
                    // handled by the script
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return new BenchmarkOptions(referrals, concurrency, warmUp, keepData);
    }

    private static int positive(String option, List<String> args, int index) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a number");
        }
        try {
            int value = Integer.parseInt(args.get(index));
            if (value < 1) {
                throw new IllegalArgumentException(option + " must be at least 1");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + args.get(index));
        }
    }
}
